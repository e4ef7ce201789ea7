import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

import { resolveSecret } from '../runtime/secret'
import { fanOutInvalidation } from './siteFanout'

/**
 * Tells the public site's caches (site/lib/cache.ts, site/lib/pageCache.ts) to drop tags, in every site process:
 * in the site process that made the change (resident submissions, cheers) a direct call; to every other one a
 * signed, fire-and-forget POST to its loopback endpoint `/_internal/invalidate` (cms/lib/siteFanout.ts:
 * SITE_INTERNAL_URLS, SITE_PORTS or SITE_PORT). A short TTL on the site covers a lost request. Which changes call this is decided by the hooks (cms/hooks/invalidateSite.ts).
 */

const LOCAL = Symbol.for('esuko.site-cache.invalidate')

/**
 * Tags whose change only moves a count on a page (cheers of one target, the KPI tallies): a page read under them may
 * be served a moment longer while it is rendered again in the background. Every other tag (content: a title, a
 * withdrawal, a photo without consent; seats, which decide whether the form offers a seat or the waiting list) drops
 * the page at once.
 */
const COUNT_TAGS = new Set(['cheers', 'kpi-tallies', 'survey-responses', 'participants'])
export const isCountTag = (tag: string): boolean => COUNT_TAGS.has(tag) || tag.startsWith('cheers:')
const MAX_SKEW_MS = 60_000

let key: KeyObject | undefined
const signingKey = () => (key ??= createSecretKey(createHmac('sha256', resolveSecret()).update('esuko-site-invalidate').digest()))
const sign = (ts: string, body: string) => createHmac('sha256', signingKey()).update(`${ts}.${body}`).digest('base64url')

/** The `x-esuko-signature` header value for a body: `<ms timestamp>.<HMAC>` under a key derived from PAYLOAD_SECRET. */
export const signInvalidation = (body: string, now = Date.now()): string => `${now}.${sign(String(now), body)}`

/** True when the header signs this body and is at most a minute old (or ahead). */
export function verifyInvalidation(body: string, header: string | null | undefined, now = Date.now()): boolean {
  const [ts, signature] = (header ?? '').split('.')
  if (!ts || !signature || !/^\d{1,15}$/.test(ts) || Math.abs(now - Number(ts)) > MAX_SKEW_MS) return false
  const expected = sign(ts, body)
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
}

/** Drops the tags on every site process: this one directly when it is a site process, the others over HTTP (never throws, never waits). */
export function invalidateSite(tags: string[]): void {
  const local = (globalThis as Record<symbol, unknown>)[LOCAL] as ((tags: string[]) => void) | undefined
  local?.(tags)
  if (process.env.ESUKO_SITE_INVALIDATION === '0') return
  fanOutInvalidation(tags, signInvalidation, { skipOwn: Boolean(local) })
}
