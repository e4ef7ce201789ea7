import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { APIContext, MiddlewareNext } from 'astro'

import { verifyInvalidation } from '../../cms/hooks/invalidateSite'
import { invalidate, onInvalidate } from './cache'

// Page cache, ETag and compression for the public HTML (used by site/middleware.ts, production only).
// Rendered pages are kept per URL for a few seconds and dropped on every invalidation (an edit in the admin, a
// resident's submission), so the site never serves an edit older than that. Only anonymous GETs without an
// action are cached; 200 text/html responses only, never one that sets a cookie or its own Cache-Control.
const PAGE_TTL_MS = 10_000
const PAGE_MAX = 500
// Browsers revalidate every time (max-age=0): a resident who just cheered or registered must see the new count on
// the same URL at once. Revalidation is cheap: an unchanged page answers 304 with no body.
const BROWSER_MAX_AGE = 0
type Page = { body: Buffer; etag: string; headers: [string, string][]; expires: number; br?: Buffer; gzip?: Buffer }
const pages = new Map<string, Page>()
onInvalidate(() => pages.clear())

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

// The form token (_t) changes on every render; the ETag ignores it below the hour, so revalidation still answers
// 304 (a browser's cached form keeps a token far inside its 24-hour validity).
const TOKEN = /(name="_t" value=")(\d+)\.[^"]*"/g
const etagOf = (body: Buffer) =>
  `W/"${createHash('sha1')
    .update(body.toString('utf8').replace(TOKEN, (_, pre: string, ts: string) => `${pre}${Math.floor(Number(ts) / 3_600_000)}"`))
    .digest('base64url')}"`

const cacheable = (request: Request, url: URL) =>
  request.method === 'GET' && !url.searchParams.has('_action') && !request.headers.has('cookie') && !url.pathname.startsWith('/_')

function encodingOf(request: Request): 'br' | 'gzip' | null {
  const accept = request.headers.get('accept-encoding') ?? ''
  return /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
}

async function compressed(page: Page, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'br') return (page.br ??= await brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }))
  return (page.gzip ??= await gzip(page.body, { level: 6 }))
}

async function respond(request: Request, page: Page): Promise<Response> {
  const headers = new Headers(page.headers)
  headers.set('ETag', page.etag)
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', `public, max-age=${BROWSER_MAX_AGE}, must-revalidate`)
  headers.set('Vary', 'Accept-Encoding')
  headers.delete('Content-Length')
  if (request.headers.get('if-none-match')?.split(/\s*,\s*/).includes(page.etag)) return new Response(null, { status: 304, headers })
  const encoding = page.body.length >= 1024 ? encodingOf(request) : null
  if (!encoding) return new Response(bytes(page.body), { status: 200, headers })
  headers.set('Content-Encoding', encoding)
  return new Response(bytes(await compressed(page, encoding)), { status: 200, headers })
}

// Node Buffers are plain ArrayBuffer views (never shared memory), which is what BodyInit wants.
const bytes = (buf: Buffer) => new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.length)

const isHtml = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('text/html')

/** POST /_internal/invalidate: the admin process's hooks drop cache tags here (HMAC of PAYLOAD_SECRET, 1-minute window). */
async function internalInvalidate(request: Request): Promise<Response> {
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  const body = await request.text()
  if (body.length > 10_000 || !verifyInvalidation(body, request.headers.get('x-esuko-signature'))) return new Response(null, { status: 403 })
  try {
    const { tags } = JSON.parse(body) as { tags?: unknown }
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return new Response(null, { status: 400 })
    invalidate(tags)
  } catch {
    return new Response(null, { status: 400 })
  }
  return new Response(null, { status: 204 })
}

/** In place of `next()` in the middleware: the invalidation endpoint, then cached, compressed, revalidatable pages. */
export async function cachedPage(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const { request, url } = context
  if (url.pathname === '/_internal/invalidate') return internalInvalidate(request)
  if (!import.meta.env.PROD || process.env.ESUKO_SITE_CACHE === '0' || !cacheable(request, url)) return next()
  const key = url.pathname + url.search
  const hit = pages.get(key)
  if (hit && hit.expires > Date.now()) return respond(request, hit)
  const response = await next()
  if (response.status !== 200 || !isHtml(response) || response.headers.has('set-cookie')) return response
  const body = Buffer.from(await response.arrayBuffer())
  const page: Page = { body, etag: etagOf(body), headers: [...response.headers], expires: Date.now() + PAGE_TTL_MS }
  if (!response.headers.has('cache-control')) {
    pages.delete(key)
    pages.set(key, page)
    if (pages.size > PAGE_MAX) pages.delete(pages.keys().next().value!)
  }
  return respond(request, page)
}
