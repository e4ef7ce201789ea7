import { PREVIEW_PARAM, type PreviewCollection, verifyPreviewToken } from '../../cms/lib/previewLinks'
import { payloadClient } from './payload'

/**
 * Staff previews of drafts (links from cms/endpoints/previewUrl.ts). The only place the site reads with access
 * control off for a page: after the token is verified for this collection, and only the fields the public page
 * shows (each finder passes its own select). Never through cached(): a draft must not reach the data cache, and
 * the page cache skips every URL carrying the parameter (site/lib/pageCache.ts).
 */

/** The preview token in the page's URL; null when there is none (the page then shows the public version). */
export const previewTokenOf = (url: URL): string | null => url.searchParams.get(PREVIEW_PARAM)

export type PreviewRead = { select: Record<string, unknown>; populate?: Record<string, unknown>; depth: number }

/**
 * The latest version (a draft, a scheduled post, an unpublished profile) of the document the token opens, when
 * the page asked for is that document's page; null for a forged, expired, other-collection or other-document
 * token (the page answers 404).
 */
export async function findPreview<T>(
  collection: PreviewCollection,
  token: string,
  page: { slug: string } | { id: string },
  read: PreviewRead,
): Promise<T | null> {
  const id = verifyPreviewToken(collection, token)
  if (id === null || ('id' in page && page.id !== id)) return null
  const payload = await payloadClient()
  // One call for five collections, each with its page's own select: typed by what the caller names as T.
  const findByID = payload.findByID as unknown as (options: Record<string, unknown>) => Promise<{ slug?: unknown } | null>
  let doc: { slug?: unknown } | null
  try {
    doc = await findByID({ collection, id, draft: true, overrideAccess: true, disableErrors: true, ...read })
  } catch {
    // An id of the wrong shape for this database names no document.
    return null
  }
  if (!doc || ('slug' in page && doc.slug !== page.slug)) return null
  return doc as T
}

/** A preview answer is for its one viewer: never stored by a browser or proxy, never indexed. */
export function markPreview(headers: Headers): void {
  headers.set('Cache-Control', 'private, no-store')
  headers.set('X-Robots-Tag', 'noindex')
}
