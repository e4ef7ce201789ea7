import type { Payload } from 'payload'

import { mongoSearch } from './mongo'
import { sqliteSearch } from './sqlite'
import type { SearchStore } from './store'

const stores = new WeakMap<Payload, SearchStore>()

/** The search index of this Payload's database: FTS5 on SQLite, token arrays on MongoDB. */
export function searchStore(payload: Payload): SearchStore {
  let store = stores.get(payload)
  if (!store) stores.set(payload, (store = payload.db.name === 'mongoose' ? mongoSearch(payload) : sqliteSearch(payload)))
  return store
}

export type { SearchHit, SearchPage, SearchStore } from './store'
