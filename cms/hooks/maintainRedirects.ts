import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
  RequestContext,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { type RedirectedCollection, addressKeyOf, isRedirectedCollection, publicPathOf } from '../domain/redirects'

/**
 * Keeps old addresses working (the `redirects` collection): when a public page's slug changes, its old address
 * answers 301 to the new one; when it stops being public (unpublished, withdrawn consent, deleted), every
 * address it had answers 410.
 *
 * "Public" is decided by the collection's own public read rule (cms/access/*), asked as an anonymous reader,
 * against the stored document (for versioned collections, the published row: a draft saved with a new slug
 * changes nothing until it is published). So a redirect only ever leads to a page the public may see now.
 *
 * The address before the change is read in beforeChange/beforeDelete (the `previousDoc` of a versioned
 * collection is its latest draft, not what the public saw) and compared with the one after, in the same
 * transaction (`req`).
 */

const beforeKey = (slug: string, id: number | string) => `redirects:before:${slug}:${id}`

/** The address at which the public sees this document right now, or null. */
async function publicPath(collection: SanitizedCollectionConfig, id: number | string, req: PayloadRequest): Promise<string | null> {
  const slug = collection.slug
  if (!isRedirectedCollection(slug)) return null
  const rule = await collection.access.read({ req: { ...req, user: null } as PayloadRequest })
  if (rule === false) return null
  const byId: Where = { id: { equals: id } }
  const doc = await req.payload.db.findOne<{ id: number | string; slug?: string | null }>({
    collection: slug,
    where: rule === true ? byId : { and: [byId, rule] },
    req,
  })
  const key = doc && addressKeyOf(slug, doc)
  return key ? publicPathOf(slug, key) : null
}

type Change = { collection: RedirectedCollection; id: number | string; before: string | null; after: string | null; req: PayloadRequest }

type RedirectData = { to: string | null; gone: boolean; docCollection: RedirectedCollection; docId: string }

async function upsertRedirect(from: string, data: RedirectData, req: PayloadRequest): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    pagination: false,
    depth: 0,
    req,
  })
  if (docs[0]) await req.payload.update({ collection: 'redirects', id: docs[0].id, data, depth: 0, req })
  else await req.payload.create({ collection: 'redirects', data: { from, ...data }, depth: 0, req })
}

/** Every old address of the document, and any redirect (an editor's too) that led to its previous address. */
const oldAddressesOf = ({ collection, id, before }: Change): Where => ({
  or: [
    { and: [{ docCollection: { equals: collection } }, { docId: { equals: String(id) } }] },
    ...(before ? [{ to: { equals: before } }] : []),
  ],
})

async function applyChange(change: Change): Promise<void> {
  const { collection, id, before, after, req } = change
  if (before === after) return
  const owner = { docCollection: collection, docId: String(id) }
  if (after && !before) {
    // A first publication (the usual case, and every seeded document): mostly nothing to carry along.
    const { totalDocs } = await req.payload.count({
      collection: 'redirects',
      where: { or: [{ from: { equals: after } }, oldAddressesOf(change)] },
      req,
    })
    if (totalDocs === 0) return
  }
  if (after) {
    // A live page wins over an old redirect at its address (a slug reused by another document, or given back).
    await req.payload.delete({ collection: 'redirects', where: { from: { equals: after } }, depth: 0, req })
    // Chains collapse: every old address leads straight to the current one.
    await req.payload.update({ collection: 'redirects', where: oldAddressesOf(change), data: { to: after, gone: false }, depth: 0, req })
    if (before) await upsertRedirect(before, { to: after, gone: false, ...owner }, req)
  } else if (before) {
    await req.payload.update({ collection: 'redirects', where: oldAddressesOf(change), data: { to: null, gone: true }, depth: 0, req })
    await upsertRedirect(before, { to: null, gone: true, ...owner }, req)
  }
}

const remember = (context: RequestContext, key: string, path: string | null) => {
  context[key] = path
}
const recalled = (context: RequestContext, key: string): string | null => {
  const path = context[key]
  delete context[key]
  return typeof path === 'string' ? path : null
}

export const rememberPublicPath: CollectionBeforeChangeHook = async ({ collection, operation, originalDoc, req, context, data }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) {
    remember(context, beforeKey(collection.slug, originalDoc.id), await publicPath(collection, originalDoc.id, req))
  }
  return data
}

export const redirectChangedPath: CollectionAfterChangeHook = async ({ collection, doc, req, context }) => {
  if (!isRedirectedCollection(collection.slug)) return doc
  const before = recalled(context, beforeKey(collection.slug, doc.id))
  const after = await publicPath(collection, doc.id, req)
  await applyChange({ collection: collection.slug, id: doc.id, before, after, req })
  return doc
}

export const rememberPublicPathBeforeDelete: CollectionBeforeDeleteHook = async ({ collection, id, req, context }) => {
  remember(context, beforeKey(collection.slug, id), await publicPath(collection, id, req))
}

export const markDeletedPathGone: CollectionAfterDeleteHook = async ({ collection, id, doc, req, context }) => {
  if (!isRedirectedCollection(collection.slug)) return doc
  const before = recalled(context, beforeKey(collection.slug, id))
  await applyChange({ collection: collection.slug, id, before, after: null, req })
  return doc
}

/** The four hooks, for the collections whose pages keep their addresses (cms/domain/redirects.ts). */
export const redirectHooks = {
  beforeChange: [rememberPublicPath],
  afterChange: [redirectChangedPath],
  beforeDelete: [rememberPublicPathBeforeDelete],
  afterDelete: [markDeletedPathGone],
}
