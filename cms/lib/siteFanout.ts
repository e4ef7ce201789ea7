/**
 * Cache invalidations reach every site process, not one: the sender (cms/lib/siteInvalidation.ts) posts each
 * batch of tags to every URL of SITE_INTERNAL_URLS (comma-separated), by default one loopback URL per port of
 * SITE_PORTS, else the single SITE_INTERNAL_URL / SITE_PORT as before. A site process that made the change itself
 * has already dropped its own cache and posts only to the others. Tags are gathered for a moment and sent as
 * one request per process, so a burst of cheers costs a handful of requests, not one per cheer per process.
 * A request that fails (no answer, a timeout, a 5xx) is sent again, a few times, further apart each time: the site
 * keeps a detail page for as long as its tags say it is right (site/lib/pageCache.ts), so a lost invalidation
 * would leave it showing what was changed.
 */

import { INVALIDATE_PATH, SIGNATURE_HEADER } from './cacheProtocol'

const BATCH_MS = 25
const TIMEOUT_MS = 1_000
/** Waits before each further attempt of a failed request (each attempt signed anew: a signature is valid a minute). */
export const RETRY_DELAYS_MS = [250, 1_000, 4_000, 15_000] as const
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1', '0.0.0.0'])

/** The internal base URL of every site process. */
export function siteInternalUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  const explicit = list(env.SITE_INTERNAL_URLS)
  if (explicit.length) return [...new Set(explicit.map((u) => u.replace(/\/+$/, '')))]
  const ports = list(env.SITE_PORTS)
  if (ports.length) return [...new Set(ports)].map((port) => `http://127.0.0.1:${port}`)
  return [env.SITE_INTERNAL_URL?.replace(/\/+$/, '') || `http://127.0.0.1:${env.SITE_PORT ?? '4321'}`]
}

/** True for this site process's own loopback URL (the site server listens on PORT; `astro dev` on SITE_PORT). */
const isOwnUrl = (url: string, env: NodeJS.ProcessEnv = process.env): boolean => {
  const own = env.PORT ?? env.SITE_PORT
  try {
    const { hostname, port } = new URL(url)
    return Boolean(own) && port === own && LOOPBACK.has(hostname)
  } catch {
    return false
  }
}

type Batch = { tags: Set<string>; skipOwn: boolean }
let batch: Batch | null = null

/**
 * Posts the tags, signed with `sign`, to every site process (`skipOwn`: all but this one) after a short batching
 * delay. Fire and forget: a failed request is sent again (RETRY_DELAYS_MS); a process that is down or restarting
 * starts with an empty cache and trusts no stored page from before.
 */
export function fanOutInvalidation(tags: string[], sign: (body: string) => string, { skipOwn = false } = {}): void {
  // One site process (no list configured): the caller's own cache was all there was to drop.
  if (!tags.length || (skipOwn && !process.env.SITE_INTERNAL_URLS?.trim() && !process.env.SITE_PORTS?.trim())) return
  if (batch && batch.skipOwn !== skipOwn) flush(sign)
  if (!batch) {
    batch = { tags: new Set(), skipOwn }
    // Not unref'd: a script that edits and exits at once still gets its invalidation out.
    setTimeout(() => flush(sign), BATCH_MS)
  }
  for (const tag of tags) batch.tags.add(tag)
}

function flush(sign: (body: string) => string): void {
  const current = batch
  batch = null
  if (!current?.tags.size) return
  const targets = siteInternalUrls().filter((url) => !(current.skipOwn && isOwnUrl(url)))
  if (!targets.length) return
  const body = JSON.stringify({ tags: [...current.tags] })
  for (const url of targets) post(`${url}${INVALIDATE_PATH}`, body, sign, 0)
}

function post(target: string, body: string, sign: (body: string) => string, attempt: number): void {
  const again = () => {
    const wait = RETRY_DELAYS_MS[attempt]
    // Unref'd: a script that has exited has nothing left to tell, and a process that is down starts empty.
    if (wait !== undefined) setTimeout(() => post(target, body, sign, attempt + 1), wait).unref()
  }
  void fetch(target, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body) },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then((res) => {
    void res.body?.cancel()
    // A 4xx is an answer (a wrong secret, a body too large): sending it again would get the same.
    if (res.status >= 500) again()
  }, again)
}
