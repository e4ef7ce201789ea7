/**
 * Cache invalidations reach every site process, not one: the sender (cms/lib/siteInvalidation.ts) posts each
 * batch of tags to every URL of SITE_INTERNAL_URLS (comma-separated), by default one loopback URL per port of
 * SITE_PORTS, else the single SITE_INTERNAL_URL / SITE_PORT as before. A site process that made the change itself
 * has already dropped its own cache and posts only to the others. Tags are gathered for a moment and sent as
 * one request per process, so a burst of cheers costs a handful of requests, not one per cheer per process.
 */

import { INVALIDATE_PATH, SIGNATURE_HEADER } from './cacheProtocol'

const BATCH_MS = 25
const TIMEOUT_MS = 1_000
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
 * delay. Fire and forget: a process that is down or restarting starts with an empty cache, and the site's TTL
 * covers a lost request.
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
  for (const url of targets) {
    void fetch(`${url}${INVALIDATE_PATH}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).then(
      (res) => void res.body?.cancel(),
      () => undefined,
    )
  }
}
