import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import { searchStore } from '../db/search'
import { isSearchedCollection, SEARCHABLE, type SearchedCollection } from '../domain/searchable'

/**
 * Keeps the site search index (cms/db/search/) in step with a searched collection (cms/domain/searchable.ts):
 * after every change the document is read again as the public reads it (no user, access control on, in the same
 * transaction), so the collection's public read rule alone decides whether it is in the index, and only what that
 * read returns of the declared public fields is indexed. A draft, a withdrawn plan, an unconsented citizen, an
 * unpublished organisation: not found by that read, so removed from the index.
 */
export async function reindexDocument(payload: Payload, collection: SearchedCollection, id: number | string, req?: PayloadRequest) {
  const declaration = SEARCHABLE[collection]
  // The request's transaction, but no user: a staff member's edit must not index what only staff can read.
  const publicReq = req ? ({ ...req, user: null } as PayloadRequest) : undefined
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    select: declaration.select,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: null,
    req: publicReq,
  })
  const store = searchStore(payload)
  const doc = docs[0] as unknown as Record<string, unknown> | undefined
  if (!doc) return store.remove(collection, String(id), req)
  await store.upsert({ collection, docId: String(id), ...declaration.entry(doc) }, req)
}

export const syncSearchIndexOnChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (isSearchedCollection(collection.slug)) await reindexDocument(req.payload, collection.slug, doc.id, req)
  return doc
}

export const syncSearchIndexOnDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  if (isSearchedCollection(collection.slug)) await searchStore(req.payload).remove(collection.slug, String(id), req)
}

/** Rebuilds the whole index from the documents (after a restore, or to fill a database that predates search). */
export async function reindexAll(payload: Payload): Promise<number> {
  const store = searchStore(payload)
  await store.clear()
  let count = 0
  for (const collection of Object.keys(SEARCHABLE) as SearchedCollection[]) {
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection,
        select: SEARCHABLE[collection].select,
        depth: 0,
        limit: 500,
        page,
        overrideAccess: false,
        user: null,
      })
      for (const doc of result.docs as unknown as Record<string, unknown>[]) {
        await store.upsert({ collection, docId: String(doc.id), ...SEARCHABLE[collection].entry(doc) })
        count++
      }
      if (!result.hasNextPage) break
    }
  }
  return count
}
