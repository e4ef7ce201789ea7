import type { Payload, PayloadRequest } from 'payload'

import type { SearchedCollection } from '../../domain/searchable'
import { indexTokens, normaliseSearchText, termTokens } from '../../domain/searchText'
import type { SearchStore } from './store'

/**
 * MongoDB only: entries in the collection `search_entries` (not a Payload collection: nothing to edit in the admin),
 * each with its title and body tokens as arrays under a multikey index. A word matches when its tokens are all
 * there ($all, served by the index) and, to keep the order of its characters, the normalised text contains it
 * ($regex on the already-narrowed documents). Same results as the SQLite store (cms/db/search/sqlite.ts).
 * Production on Atlas: see README "Site search" (Atlas Search with lucene.kuromoji).
 */

type Filter = Record<string, unknown>
type Cursor = { sort: (s: object) => Cursor; skip: (n: number) => Cursor; limit: (n: number) => Cursor; toArray: () => Promise<Filter[]> }
type Native = {
  createIndex: (spec: object, options?: object) => Promise<unknown>
  replaceOne: (filter: Filter, doc: Filter, options: object) => Promise<unknown>
  deleteMany: (filter: Filter, options?: object) => Promise<unknown>
  countDocuments: (filter: Filter, options?: object) => Promise<number>
  find: (filter: Filter, options?: object) => Cursor
}
type MongoAdapter = { connection: { db: { collection: (name: string) => Native } }; sessions?: Record<string, unknown> }

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every word in `field` (title or body). */
const wordsIn = (terms: string[], field: 'title' | 'body'): Filter[] =>
  terms.map((t) => ({ [`${field}Tokens`]: { $all: termTokens(t) }, [`${field}Norm`]: { $regex: escapeRegex(t) } }))

export function mongoSearch(payload: Payload): SearchStore {
  const adapter = payload.db as unknown as MongoAdapter
  const native = () => adapter.connection.db.collection('search_entries')
  let indexed: Promise<unknown> | null = null
  const ready = () =>
    (indexed ??= Promise.all([
      native().createIndex({ titleTokens: 1 }),
      native().createIndex({ bodyTokens: 1 }),
      native().createIndex({ date: -1 }),
    ]))
  const sessionOf = async (req?: Partial<PayloadRequest>) => {
    const id = req?.transactionID ? await req.transactionID : undefined
    const session = id !== undefined ? adapter.sessions?.[String(id)] : undefined
    return session ? { session } : {}
  }
  const key = (collection: string, docId: string) => `${collection}:${docId}`
  return {
    async upsert(entry, req) {
      await ready()
      const doc = {
        _id: key(entry.collection, entry.docId),
        ...entry,
        titleNorm: normaliseSearchText(entry.title),
        bodyNorm: normaliseSearchText(entry.body),
        titleTokens: [...new Set(indexTokens(entry.title))],
        bodyTokens: [...new Set(indexTokens(entry.body))],
      }
      await native().replaceOne({ _id: doc._id }, doc, { upsert: true, ...(await sessionOf(req)) })
    },
    async remove(collection, docId, req) {
      await native().deleteMany({ _id: key(collection, docId) }, await sessionOf(req))
    },
    async query(terms, offset, limit, cap) {
      await ready()
      const inTitle: Filter = { $and: wordsIn(terms, 'title') }
      // Each word in the title or the body: a document may hold one word in each.
      const any: Filter = { $and: terms.map((t) => ({ $or: [...wordsIn([t], 'title'), ...wordsIn([t], 'body')] })) }
      const counted = await native().countDocuments(any, { limit: cap + 1 })
      const total = Math.min(counted, cap)
      const more = counted > cap
      if (!total || offset >= total) return { total, more, hits: [] }
      const take = Math.min(limit, total - offset)
      const titled = await native().countDocuments(inTitle, { limit: offset + take })
      const sort = { date: -1, _id: -1 }
      const projection = { projection: { titleTokens: 0, bodyTokens: 0, titleNorm: 0, bodyNorm: 0 } }
      const hits: Filter[] = []
      if (offset < titled) {
        const docs = await native().find(inTitle, projection).sort(sort).skip(offset).limit(take).toArray()
        hits.push(...docs.map((d) => ({ ...d, inTitle: true })))
      }
      if (hits.length < take && offset + hits.length < total) {
        const skip = Math.max(0, offset - titled)
        const rest = { $and: [any, { $nor: [inTitle] }] }
        const docs = await native()
          .find(rest, projection)
          .sort(sort)
          .skip(skip)
          .limit(take - hits.length)
          .toArray()
        hits.push(...docs.map((d) => ({ ...d, inTitle: false })))
      }
      return {
        total,
        more,
        hits: hits.map((h) => ({
          collection: h.collection as SearchedCollection,
          docId: String(h.docId),
          title: String(h.title),
          body: String(h.body),
          path: String(h.path),
          date: String(h.date),
          inTitle: Boolean(h.inTitle),
        })),
      }
    },
    async clear() {
      await native().deleteMany({})
    },
  }
}
