import { createHash } from 'node:crypto'

import type { APIRoute } from 'astro'

import { findPublicMediaFile, readMediaFile } from '../../../../lib/media'

// Pages link media with the document's version in the query (site/lib/publicUrl.ts mediaPath): that URL never
// changes content, so browsers and the proxy may keep it for a year. Any other URL (an old version, none at all)
// still gets the file, but must be revalidated.
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'public, max-age=0, must-revalidate'

const notFound = () => new Response('画像が見つかりません。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * The public site's copy of Payload's `/api/media/file/:filename`, so images come from the site's own origin
 * (CSP `img-src 'self'`) on every site process. A restricted image (no photo consent) answers 404 like a name that
 * does not exist.
 */
export const GET: APIRoute = async ({ params, url, request }) => {
  const media = await findPublicMediaFile(params.filename ?? '')
  if (!media) return notFound()
  // The file of one name changes only with its document: name and version identify the bytes.
  const etag = `"${createHash('sha1').update(`${media.file}\0${media.version}`).digest('base64url')}"`
  const headers = {
    'Content-Type': media.mimeType,
    'Cache-Control': url.searchParams.get('v') === media.version ? IMMUTABLE : REVALIDATE,
    ETag: etag,
  }
  const match = request.headers.get('if-none-match')
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers })
  const body = await readMediaFile(media)
  if (!body) return notFound()
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Length': String(body.length) } })
}
