import { createHash, randomBytes } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { APIContext, MiddlewareNext } from 'astro'

import { PREVIEW_PARAM } from '../../cms/lib/previewLinks'
import {
  ALL_TAGS,
  FAST_PATH,
  FRESH_COOKIE,
  FRESH_SECONDS,
  INVALIDATE_PATH,
  isCountTag,
  PAGE_STORE_PATH,
  PRERENDER_HEADER,
  MAX_INVALIDATION_BODY,
  REFRESH_HEADER,
  SIGNATURE_HEADER,
} from '../../cms/lib/cacheProtocol'
import { verifyInvalidation } from '../../cms/lib/siteInvalidation'
import { invalidate, onInvalidate, recordReads, untag } from './cache'
import {
  brotliOptions,
  isStoredRoute,
  MAX_AGE_MS,
  newTagClock,
  readStoredPage,
  recordChange,
  removeStoredPage,
  storedState,
  writeStoredPage,
} from './pageStore'
import { isLiveCountTag, readLiveCount, showsLiveCount, writeLiveCounts } from './liveCounts'
import { readLoopDelay } from './loopDelay'
import { isPrerender, prerenderAfterChange, prerenderStatus, startPrerender, sweepNow } from './prerender'
import { changedSince, newChangeClock, stampChange } from './changeClock'
import { applySecurityHeaders } from './securityHeaders'

// Page cache, ETag and compression for the public HTML (used by site/middleware.ts, production only).
// Rendered pages are kept per URL, under the tags of everything their render read (site/lib/cache.ts). An
// invalidation touches only the pages that read a changed tag:
// - content tags (a story edited, withdrawn, a photo without consent) drop the page: the next reader renders it;
// - count tags (a cheer, a registration, the KPI tallies: isCountTag) and the TTL only mark it stale: readers keep
//   getting it while one background render per page replaces it (stale-while-revalidate), so a cheer storm never
//   makes readers wait behind a render.
// A page whose render read Payload outside a cached finder has no tags and is dropped by any invalidation.
// Concurrent misses of one URL share one render. Only anonymous GETs without an action are cached; 200 text/html
// responses only, never one that sets a cookie or its own Cache-Control.
const PAGE_TTL_MS = 10_000
/**
 * How long a page is fresh from its render. A detail page whose reads are all tagged depends on its document and
 * tags, not on the clock (site/lib/pageStore.ts trusts its copy on disk as long), so its tags alone keep it right
 * and it is not rendered again every ten seconds: in a cheer storm those renders were most of the popular pages'.
 * Index pages show what the clock decides too (a featured period, upcoming events), and an untracked page has only
 * the TTL: both keep PAGE_TTL_MS.
 */
const expiryOf = (key: string, tags: Set<string> | null, renderedAt: number, changesAt = Infinity, now = Date.now()): number =>
  Math.min(tags && isStoredRoute(key) ? renderedAt + MAX_AGE_MS : now + PAGE_TTL_MS, changesAt)
// After this long past its TTL a page is not served stale any more, but rendered again for the reader.
const MAX_STALE_MS = 60_000
const PAGE_MAX = 500
// Where a shared page came from, for operators and tests (as a CDN's X-Cache): the memory, the page store on disk
// (site/lib/pageStore.ts; `-stale` while it is rendered again), or a render for this request.
const SOURCE_HEADER = 'x-esuko-cache'
type CacheSource = 'memory' | 'store' | 'store-stale' | 'render'
// A stale page is rendered again on a budget of three renders, refilled one per MIN_REFRESH_MS: a lone change (an
// edit's KPI recount, another just after) is rendered at once, while a storm of cheers on one story costs one render
// every five seconds, not one per cheer. The readers meanwhile get the page with the count a few seconds old; the
// resident who cheered sees their own cheer at once anyway (esuko_fresh below).
const MIN_REFRESH_MS = 5_000
const REFRESH_BURST = 3
// Browsers revalidate every time (max-age=0): a resident who just cheered or registered must see the new count on
// the same URL at once. Revalidation is cheap: an unchanged page answers 304 with no body.
const BROWSER_MAX_AGE = 0
type Encoding = 'br' | 'gzip'
type Page = {
  body: Buffer
  etag: string
  headers: [string, string][]
  expires: number
  /** What the render read; null: unknown, dropped by any invalidation. */
  tags: Set<string> | null
  /** A count it shows has changed (or its TTL passed): served while a background render replaces it. */
  stale: boolean
  /** Live counts it shows that have changed (site/lib/liveCounts.ts): served while the new numbers are written in. */
  counts: Set<string>
  refreshing: boolean
  br?: Buffer
  gzip?: Buffer
  /** Complete header lists for the fast path, per variant (built on first use). */
  wire: Map<string, string[]>
  /** Last moved to the recent end of the cache (at most once a second: a hit costs next to nothing). */
  touchedAt: number
}
/**
 * Every kept page is built here, its fields always in one order: objects of one shape keep the fast path's property
 * reads monomorphic, where pages built by a render, read from the store or copied with a new count were four shapes.
 */
function newPage(
  fields: Pick<Page, 'body' | 'etag' | 'headers' | 'expires' | 'tags'> &
    Partial<Pick<Page, 'stale' | 'counts' | 'br' | 'gzip' | 'touchedAt'>>,
): Page {
  return {
    body: fields.body,
    etag: fields.etag,
    headers: fields.headers,
    expires: fields.expires,
    tags: fields.tags,
    stale: fields.stale ?? false,
    counts: fields.counts ?? new Set(),
    refreshing: false,
    br: fields.br,
    gzip: fields.gzip,
    wire: new Map(),
    touchedAt: fields.touchedAt ?? Date.now(),
  }
}
const pages = new Map<string, Page>()
const pagesByTag = new Map<string, Set<string>>()
const untracked = new Set<string>()
// Which renders under way an invalidation touches (site/lib/changeClock.ts).
const changes = newChangeClock()

function forget(key: string): void {
  const page = pages.get(key)
  if (!page) return
  pages.delete(key)
  untracked.delete(key)
  for (const tag of page.tags ?? []) untag(pagesByTag, tag, key)
}

function keep(key: string, page: Page): void {
  forget(key)
  pages.set(key, page)
  if (!page.tags) untracked.add(key)
  for (const tag of page.tags ?? []) {
    let keys = pagesByTag.get(tag)
    if (!keys) pagesByTag.set(tag, (keys = new Set()))
    keys.add(key)
  }
  if (pages.size > PAGE_MAX) forget(pages.keys().next().value!)
}

/** Least recently used first out: a page read again goes to the recent end, so the long tail passing through the
 * memory (from the page store) does not push out the pages readers keep asking for. */
function touch(key: string, page: Page, now: number): void {
  if (now - page.touchedAt < 1_000) return
  page.touchedAt = now
  pages.delete(key)
  pages.set(key, page)
}

// What this process has heard of changes, for the pages on disk (site/lib/pageStore.ts).
const clock = newTagClock()
startPrerender(clock)

onInvalidate((tags) => {
  recordChange(clock, tags)
  if (tags.some((t) => !isCountTag(t))) prerenderAfterChange()
  stampChange(changes, tags)
  if (tags.includes(ALL_TAGS)) {
    pages.clear()
    pagesByTag.clear()
    untracked.clear()
    return
  }
  for (const key of [...untracked]) forget(key)
  for (const tag of tags) {
    const keys = pagesByTag.get(tag)
    if (!keys) continue
    for (const key of [...keys]) {
      if (!isCountTag(tag)) forget(key)
      else {
        const page = pages.get(key)
        if (!page) continue
        // A number the page prints in a slot of its own is written in; any other count needs a render.
        if (isLiveCountTag(tag) && showsLiveCount(page.body, tag)) page.counts.add(tag)
        else page.stale = true
      }
    }
  }
})

/** Pages cached (tests, statistics). */
export const pageCacheSize = (): number => pages.size

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

// The form token (_t) changes on every render; the ETag ignores it below the hour, so revalidation still answers
// 304 (a browser's cached form keeps a token far inside its 24-hour validity).
const TOKEN = /(name="_t" value=")(\d+)\.[^"]*"/g
const etagOf = (body: Buffer) =>
  `W/"${createHash('sha1')
    .update(body.toString('utf8').replace(TOKEN, (_, pre: string, ts: string) => `${pre}${Math.floor(Number(ts) / 3_600_000)}"`))
    .digest('base64url')}"`

// A staff preview (a draft) is never kept, whatever its token: it must not be served to the next reader.
const cacheable = (request: Request, url: URL) =>
  request.method === 'GET' &&
  !url.searchParams.has('_action') &&
  !url.searchParams.has(PREVIEW_PARAM) &&
  !request.headers.has('cookie') &&
  !url.pathname.startsWith('/_')

function encodingOf(accept: string): Encoding | null {
  return /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
}

async function compressed(page: Page, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') return (page.br ??= await brotli(page.body, brotliOptions(page.body.length)))
  return (page.gzip ??= await gzip(page.body, { level: 6 }))
}

/** A cached page's own headers, as both the Astro path and the fast path send them (security headers aside). */
function pageHeaders(page: Pick<Page, 'headers' | 'etag'>, encoding: Encoding | null): Headers {
  const headers = new Headers(page.headers)
  headers.set('ETag', page.etag)
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', `public, max-age=${BROWSER_MAX_AGE}, must-revalidate`)
  headers.set('Vary', 'Accept-Encoding')
  headers.delete('Content-Length')
  if (encoding) headers.set('Content-Encoding', encoding)
  return headers
}

const revalidates = (ifNoneMatch: string | null | undefined, page: Pick<Page, 'etag'>) =>
  Boolean(ifNoneMatch?.split(/\s*,\s*/).includes(page.etag))
const encodingFor = (length: number, accept: string | null | undefined) => (length >= 1024 ? encodingOf(accept ?? '') : null)

async function respond(request: Request, page: Page, source: CacheSource): Promise<Response> {
  const headers = (encoding: Encoding | null) => {
    const h = pageHeaders(page, encoding)
    h.set(SOURCE_HEADER, source)
    return h
  }
  if (revalidates(request.headers.get('if-none-match'), page)) return new Response(null, { status: 304, headers: headers(null) })
  const encoding = encodingFor(page.body.length, request.headers.get('accept-encoding'))
  const body = encoding ? await compressed(page, encoding) : page.body
  return new Response(bytes(body), { status: 200, headers: headers(encoding) })
}

// Node Buffers are plain ArrayBuffer views (never shared memory), which is what BodyInit wants.
const bytes = (buf: Buffer) => new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.length)

const isHtml = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('text/html')

/** POST /_internal/invalidate: the admin process's hooks drop cache tags here (HMAC of PAYLOAD_SECRET, 1-minute window). */
async function internalInvalidate(request: Request): Promise<Response> {
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  const body = await request.text()
  if (body.length > MAX_INVALIDATION_BODY || !verifyInvalidation(body, request.headers.get(SIGNATURE_HEADER)))
    return new Response(null, { status: 403 })
  try {
    const { tags } = JSON.parse(body) as { tags?: unknown }
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return new Response(null, { status: 400 })
    invalidate(tags)
  } catch {
    return new Response(null, { status: 400 })
  }
  return new Response(null, { status: 204 })
}

/**
 * GET /_internal/page-store: the pre-renderer's progress, the memory, the event-loop delay since the last GET; POST
 * (signed as an invalidation): sweep now.
 */
async function pageStoreEndpoint(request: Request): Promise<Response> {
  if (request.method === 'GET')
    return Response.json({ ...prerenderStatus(), eventLoopDelay: readLoopDelay(), backgroundRenders: backgroundRenderStatus() })
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  const body = await request.text()
  if (body.length > MAX_INVALIDATION_BODY || !verifyInvalidation(body, request.headers.get(SIGNATURE_HEADER)))
    return new Response(null, { status: 403 })
  sweepNow()
  return new Response(null, { status: 202 })
}

// Background renders are requests this process sends itself, marked with a token only it knows.
const REFRESH_TOKEN = randomBytes(24).toString('base64url')
const rendering = new Map<string, Promise<Page | null>>()
const fresh = (page: Page, now = Date.now()) => !page.stale && !page.counts.size && page.expires > now
const storable = (response: Response) => response.status === 200 && isHtml(response) && !response.headers.has('set-cookie')

/** Renders the page through Astro and keeps it when it may be shared; the response for this request either way. */
async function render(
  key: string,
  next: MiddlewareNext,
  memory = true,
): Promise<{ response: Response; page: Page | null; written?: Promise<void> }> {
  const [seq, startedAt] = [changes.seq, Date.now()]
  const { result, reads } = await recordReads(async () => {
    const response = await next()
    // The body is read inside the recording: Astro streams, and the reads of a streamed page happen here.
    return storable(response) ? { response, body: Buffer.from(await response.arrayBuffer()) } : { response, body: null }
  })
  const { response, body } = result
  if (!body) {
    // Gone, moved or failed: whatever the store holds for this URL is not the answer any more.
    if (isStoredRoute(key)) void removeStoredPage(key).catch(() => {})
    return { response, page: null }
  }
  const tags = reads.untracked ? null : reads.tags
  const changed = changedSince(changes, seq, tags)
  const page = newPage({
    body,
    etag: etagOf(body),
    headers: [...response.headers],
    expires: expiryOf(key, tags, startedAt, reads.changesAt),
    tags,
    stale: changed.count,
  })
  if (response.headers.has('cache-control') || changed.content) return { response, page }
  let written: Promise<void> | undefined
  // A detail page also goes to disk, under the time its render began (site/lib/pageStore.ts), compressed both ways
  // once for the store and the reader alike; the file is written by the store's thread.
  if (page.tags && isStoredRoute(key)) {
    try {
      const both = writeStoredPage({
        key,
        writer: clock.self,
        body,
        etag: page.etag,
        headers: page.headers,
        tags: [...page.tags],
        renderedAt: startedAt,
        changesAt: reads.changesAt,
      })
      page.br ??= both.br
      page.gzip ??= both.gzip
      written = both.written.catch((error: unknown) =>
        console.error('[site] ページを保存できませんでした / page store write failed', error),
      )
    } catch (error) {
      console.error('[site] ページを保存できませんでした / page store write failed', error)
    }
  }
  // Other pages are compressed on demand, once per encoding (respond below does the reader's own): a page of the
  // long tail is often read once, and compressing it both ways cost a tenth of the server's time there.
  if (memory) keep(key, page)
  return { response, page, written }
}

/** In place of `next()` in the middleware: the invalidation endpoint, then cached, compressed, revalidatable pages. */
export async function cachedPage(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const { request, url } = context
  if (url.pathname === INVALIDATE_PATH) return internalInvalidate(request)
  if (url.pathname === PAGE_STORE_PATH) return pageStoreEndpoint(request)
  if (!import.meta.env.PROD || process.env.ESUKO_SITE_CACHE === '0' || !cacheable(request, url)) return next()
  const key = url.pathname + url.search
  // The pre-renderer filling the store: rendered for the disk only, so the memory keeps the pages readers ask for.
  if (isPrerender(request)) {
    const { response, page, written } = await render(key, next, false)
    // Answered once the page is on disk: the pre-renderer holds the page's lock until then.
    await written
    return new Response(null, { status: page ? 200 : response.status })
  }
  if (request.headers.get(REFRESH_HEADER) !== REFRESH_TOKEN) {
    const hit = pages.get(key)
    if (hit && fresh(hit)) {
      touch(key, hit, Date.now())
      return respond(request, hit, 'memory')
    }
    // Another request is rendering this URL: share its page rather than render it twice.
    const pending = rendering.get(key)
    if (pending) {
      const page = await pending
      if (page) return respond(request, page, 'render')
      return next()
    }
  }
  let settle!: (page: Page | null) => void
  rendering.set(key, new Promise((resolve) => (settle = resolve)))
  try {
    const { response, page } = await render(key, next)
    settle(page)
    return page ? respond(request, page, 'render') : response
  } catch (error) {
    settle(null)
    throw error
  } finally {
    rendering.delete(key)
  }
}

/**
 * A resident who has just sent a form (a cheer, a registration) must see what it changed on the next page they open,
 * even where other readers are still given the stale copy while it is rendered again. The answer to their POST sets
 * a short, anonymous cookie (no identifier: `1`); a request with any cookie never gets the shared copy.
 */
export function markActedReader(request: Request, url: URL, response: Response, https: boolean): void {
  if (request.method !== 'POST' || !(url.searchParams.has('_action') || url.pathname.startsWith('/_actions/'))) return
  response.headers.append(
    'Set-Cookie',
    `${FRESH_COOKIE}=1; Max-Age=${FRESH_SECONDS}; Path=/; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`,
  )
}

/**
 * Starts one background render of a stale page (the fast path then keeps serving the stale copy), at the earliest
 * once its page's render budget allows (refreshDelay).
 */
function refreshInBackground(key: string, page: Page, req: IncomingMessage): void {
  if (page.refreshing) return
  page.refreshing = true
  // Only live counts moved: written in at once, no render, so no render budget either.
  if (!page.stale && page.counts.size && page.expires > Date.now()) return void writeCountsInto(key, page)
  const { localAddress, localPort } = req.socket
  const wait = refreshDelay(key, Date.now())
  if (wait > 0) setTimeout(() => requestRefresh(key, page, localAddress, localPort), wait).unref()
  else requestRefresh(key, page, localAddress, localPort)
}

/**
 * Writes the new values of the page's changed live counts into a copy of it, compressed off the event loop (zlib's
 * thread pool), and keeps the copy in its place; the page is served as it was meanwhile. A change heard meanwhile is
 * written by the next one; a count that cannot be read leaves the page to a render.
 */
async function writeCountsInto(key: string, page: Page): Promise<void> {
  const tags = [...page.counts]
  page.counts.clear()
  try {
    const values = await Promise.all(tags.map(readLiveCount))
    if (pages.get(key) !== page) return
    if (values.some((v) => v === null)) {
      page.stale = true
      return
    }
    const body = writeLiveCounts(page.body, new Map(tags.map((tag, i) => [tag, values[i]!])))
    if (body === page.body) return
    // Brotli now (every browser asks for it over HTTPS); gzip on demand, as for any page (compressed above).
    const br = await brotli(body, brotliOptions(body.length))
    if (pages.get(key) !== page) return
    // The copy keeps the page's expiry: whatever else it shows is as old as its render.
    // Its counts are the page's own set: a change heard during this write is in it, for the next write.
    const copy = newPage({ ...page, body, etag: etagOf(body), br, gzip: undefined })
    keep(key, copy)
    liveCountWrites++
  } catch (error) {
    console.error('[site] 件数を書き込めませんでした / live count write failed', error)
    page.stale = true
  } finally {
    page.refreshing = false
  }
}
let liveCountWrites = 0

const refreshBudget = new Map<string, { tokens: number; at: number }>()
/** How long the next background render of this page waits: none while its budget lasts, then one per MIN_REFRESH_MS. */
function refreshDelay(key: string, now: number): number {
  let budget = refreshBudget.get(key)
  if (!budget) {
    refreshBudget.set(key, (budget = { tokens: REFRESH_BURST, at: now }))
    if (refreshBudget.size > PAGE_MAX * 2) refreshBudget.delete(refreshBudget.keys().next().value!)
  }
  budget.tokens = Math.min(REFRESH_BURST, budget.tokens + (now - budget.at) / MIN_REFRESH_MS)
  budget.at = now
  // The render takes a token now, or the one that comes next (the budget goes below zero until then).
  const wait = budget.tokens >= 1 ? 0 : (1 - budget.tokens) * MIN_REFRESH_MS
  budget.tokens -= 1
  return wait
}

// Background renders run one after another, not side by side: a render is a few milliseconds of synchronous work
// (its queries, its HTML, its compression), and twenty renders started together (a cheer storm's first cheers, the
// popular pages' TTL running out at once) held the readers of the cache behind all of them in one turn of the loop.
// One at a time, a reader waits behind one render at most. The readers get the stale copy meanwhile anyway.
const refreshQueue: (() => void)[] = []
// For GET /_internal/page-store (the bench, the tests): background renders done, under way, waiting, and the most
// ever under way at once.
const backgroundRenders = { done: 0, running: 0, mostAtOnce: 0 }
const backgroundRenderStatus = () => ({ ...backgroundRenders, waiting: refreshQueue.length, countWrites: liveCountWrites })
function requestRefresh(key: string, page: Page, localAddress: string | undefined, localPort: number | undefined): void {
  refreshQueue.push(() => renderAgain(key, page, localAddress, localPort))
  if (backgroundRenders.running === 0) nextRefresh()
}
const nextRefresh = (): void => refreshQueue.shift()?.()

function renderAgain(key: string, page: Page, localAddress: string | undefined, localPort: number | undefined): void {
  let finished = false
  backgroundRenders.running++
  backgroundRenders.mostAtOnce = Math.max(backgroundRenders.mostAtOnce, backgroundRenders.running)
  const done = () => {
    if (finished) return
    finished = true
    backgroundRenders.running--
    backgroundRenders.done++
    page.refreshing = false
    nextRefresh()
  }
  // The next render waits for this one's whole answer, and for nothing longer: an error, a timeout (10 s) or a
  // closed connection ends it too, so one stuck render cannot stop the rest.
  try {
    const refresh = http.request(
      { host: localAddress, port: localPort, path: key, method: 'GET', headers: { [REFRESH_HEADER]: REFRESH_TOKEN }, timeout: 10_000 },
      (res) => {
        res.resume()
        res.once('end', done)
        res.once('close', done)
        res.once('error', done)
      },
    )
    refresh.once('error', done)
    refresh.once('close', done)
    refresh.once('timeout', () => refresh.destroy())
    refresh.end()
  } catch (error) {
    console.error('[site] background render failed to start', error)
    done()
  }
}

// ---------------------------------------------------------------------------------------------------
// Fast path: the production server (scripts/site-server.mjs) asks here first, before Astro sees the request.
// A fresh cached page is written straight to the socket: no Request/Response objects, no middleware, no
// routing. It answers exactly what the path above would (same key, same rules, same headers); anything it
// cannot answer from memory (a miss, an expired page, an encoding not yet compressed) returns false and
// goes through Astro as before.

/** Reached over HTTPS: through the proxy (X-Forwarded-Proto) or over TLS directly. */
const reachedOverHttps = (req: IncomingMessage): boolean =>
  req.headers['x-forwarded-proto'] === 'https' || (req.socket as TLSSocket).encrypted === true

// Only URLs whose raw form is already what the WHATWG URL parser would produce (no dot segments, no
// characters it would escape), so the raw request line is the same key as `url.pathname + url.search`.
const PLAIN_URL = /^\/(?!.*\/\.)(?!.*\/\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/

function wireHeaders(
  page: Pick<Page, 'headers' | 'etag' | 'wire'>,
  variant: string,
  encoding: Encoding | null,
  length: number | null,
  https: boolean,
  source: CacheSource = 'memory',
): string[] {
  const key = `${variant}:${https ? 's' : ''}`
  let list = page.wire.get(key)
  if (!list) {
    const headers = pageHeaders(page, encoding)
    headers.set(SOURCE_HEADER, source)
    applySecurityHeaders(headers, https, true)
    list = [...headers].flat()
    if (length !== null) list.push('content-length', String(length))
    page.wire.set(key, list)
  }
  return list
}

/**
 * Answers a GET from the page cache, or returns false to let Astro handle it. A stale page is answered while it is
 * rendered again. `extra`: header name/value pairs of this response alone (the request id, scripts/site-server.mjs).
 */
export function serveFromCache(req: IncomingMessage, res: ServerResponse, extra: string[] = []): boolean {
  if (req.method !== 'GET' || req.headers.cookie !== undefined || process.env.ESUKO_SITE_CACHE === '0') return false
  if (req.headers[REFRESH_HEADER] !== undefined || req.headers[PRERENDER_HEADER] !== undefined) return false
  const key = req.url
  if (!key || key.startsWith('/_') || !PLAIN_URL.test(key) || /[?&]_action(=|&|$)/.test(key)) return false
  const page = pages.get(key)
  if (!page) return isStoredRoute(key) ? serveStored(key, req, res, extra) : false
  const now = Date.now()
  if (!fresh(page, now)) {
    if (page.expires + MAX_STALE_MS <= now) return false
    refreshInBackground(key, page, req)
  }
  touch(key, page, now)
  const https = reachedOverHttps(req)
  if (revalidates(req.headers['if-none-match'], page)) {
    res.writeHead(304, wireHeaders(page, '304', null, null, https).concat(extra))
    res.end()
    return true
  }
  const encoding = encodingFor(page.body.length, req.headers['accept-encoding'])
  const body = encoding ? page[encoding] : page.body
  if (!body) return false
  res.writeHead(200, wireHeaders(page, encoding ?? 'identity', encoding, body.length, https).concat(extra))
  res.end(body)
  return true
}

// Pages answered from the store lately, by when: a second read within READ_AGAIN_MS brings the page into the memory.
const READ_AGAIN_MS = 10 * 60_000
const readFromStore = new Map<string, number>()
function readAgain(key: string, now: number): boolean {
  const last = readFromStore.get(key)
  readFromStore.delete(key)
  if (last !== undefined && now - last < READ_AGAIN_MS) return true
  readFromStore.set(key, now)
  // Oldest first out: the map only needs to remember about as many pages as the memory holds, several times over.
  if (readFromStore.size > PAGE_MAX * 20) readFromStore.delete(readFromStore.keys().next().value!)
  return false
}

/**
 * Answers a detail page the memory does not hold from the page store, when this process may trust the stored copy
 * (site/lib/pageStore.ts); false lets Astro render it. A copy showing an old count is served and rendered again.
 */
function serveStored(key: string, req: IncomingMessage, res: ServerResponse, extra: string[]): boolean {
  const stored = readStoredPage(key)
  if (!stored) return false
  const state = storedState(stored, clock)
  if (state === 'unusable') return false
  // Into the memory, as if rendered here, once read twice within a while (or stale: it is rendered again in the
  // background like any stale page). A page of the long tail, read once, is answered from the store's buffers and
  // left there: promoting every one churned the memory's pages and the garbage collector with them.
  const now = Date.now()
  const encoding = encodingFor(stored.size, req.headers['accept-encoding'])
  // The uncompressed page, unzipped once and only when needed (kept in memory, or a reader without compression).
  let plain: Buffer | undefined
  const plainBody = () => (plain ??= zlib.gunzipSync(stored.gzip))
  if (state === 'stale' || readAgain(key, now)) {
    const tags = new Set(stored.tags)
    const page = newPage({
      body: plainBody(),
      etag: stored.etag,
      headers: stored.headers,
      expires: expiryOf(key, tags, stored.renderedAt, stored.changesAt, now),
      tags,
      stale: state === 'stale',
      br: stored.br,
      gzip: stored.gzip,
      touchedAt: now,
    })
    keep(key, page)
    if (page.stale) refreshInBackground(key, page, req)
  }
  const source = state === 'stale' ? 'store-stale' : 'store'
  const https = reachedOverHttps(req)
  // Its own header lists: the memory's copy keeps those of a memory hit.
  const answer = { headers: stored.headers, etag: stored.etag, wire: new Map<string, string[]>() }
  if (revalidates(req.headers['if-none-match'], answer)) {
    res.writeHead(304, wireHeaders(answer, '304', null, null, https, source).concat(extra))
    res.end()
    return true
  }
  const body = encoding ? stored[encoding] : plainBody()
  res.writeHead(200, wireHeaders(answer, encoding ?? 'identity', encoding, body.length, https, source).concat(extra))
  res.end(body)
  return true
}

// Registered for scripts/site-server.mjs, which cannot import this bundled module by name.
if (import.meta.env.PROD) (globalThis as Record<symbol, unknown>)[FAST_PATH] = serveFromCache
