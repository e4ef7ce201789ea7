import type { Id } from '../domain/ids'
import { sitePublicUrl } from './publicUrls'
import { signLink, verifyLink } from './signedLinks'

/**
 * Staff preview links: a draft (or a not yet public citizen, organisation or plan) shown on the real site to
 * whoever holds the link, for an hour. The token names the document id and is signed for the collection and
 * that id, so it opens nothing else; the site reads the document with access control off only after
 * verifying it (site/lib/preview.ts). Who may ask for a link: cms/access/mayPreview.ts.
 */
export const PREVIEW_COLLECTIONS = ['stories', 'plans', 'events', 'citizens', 'organisations'] as const
export type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]

export const PREVIEW_TTL_MS = 60 * 60 * 1000
/** The query parameter the site reads the token from. */
export const PREVIEW_PARAM = 'preview'

const scope = (collection: PreviewCollection, id: Id) => `${collection}:${String(id)}`

/** `<id>.<expiry ms>.<signature>`; ids (SQLite numbers, MongoDB hex strings) never contain a dot. */
export function previewToken(collection: PreviewCollection, id: Id, now = Date.now()): string {
  return `${String(id)}.${signLink('preview', scope(collection, id), { expiresAt: new Date(now + PREVIEW_TTL_MS) })}`
}

/** The document id a token opens in this collection, or null when it is forged, expired, malformed or for another collection. */
export function verifyPreviewToken(collection: PreviewCollection, token: string | null | undefined, now = Date.now()): string | null {
  if (!token || token.length > 300) return null
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[0] || !parts[1]) return null
  const [id, expiry, signature] = parts
  // A token without an expiry would never expire: signLink makes none for previews, so none is accepted.
  return verifyLink('preview', scope(collection, id), `${expiry}.${signature}`, now) ? id : null
}

type PathDoc = { id: Id; slug?: string | null }

/** The public page of a document: plans by id, everything else by slug (null while a draft has no slug yet). */
export function previewPath(collection: PreviewCollection, doc: PathDoc): string | null {
  if (collection === 'plans') return `/plans/${encodeURIComponent(String(doc.id))}`
  return doc.slug ? `/${collection}/${encodeURIComponent(doc.slug)}` : null
}

/** The absolute, signed preview URL on SITE_PUBLIC_URL, or null when the document has no page yet. */
export function previewUrl(collection: PreviewCollection, doc: PathDoc, now = Date.now()): string | null {
  const path = previewPath(collection, doc)
  if (!path) return null
  return `${sitePublicUrl()}${path}?${PREVIEW_PARAM}=${encodeURIComponent(previewToken(collection, doc.id, now))}`
}
