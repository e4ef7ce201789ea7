import type { KeyObject } from 'node:crypto'

import { resolveSecret } from '../runtime/secret'
import { invalidationKey, LOCAL_INVALIDATE, signInvalidationWith, verifyInvalidationWith } from './cacheProtocol'
import { fanOutInvalidation } from './siteFanout'

/**
 * Tells the public site's caches (site/lib/cache.ts, site/lib/pageCache.ts) to drop tags, in every site process:
 * in the site process that made the change (resident submissions, cheers) a direct call; to every other one a
 * signed, fire-and-forget POST to its loopback endpoint (cms/lib/siteFanout.ts: SITE_INTERNAL_URLS, SITE_PORTS or
 * SITE_PORT), sent again if it fails. Which changes call this is decided by the hooks
 * (cms/hooks/invalidateSite.ts); the tags, the request and its signature are the protocol of cms/lib/cacheProtocol.ts.
 */

export { isCountTag } from './cacheProtocol'

let key: KeyObject | undefined
const signingKey = () => (key ??= invalidationKey(resolveSecret()))

/** The signature header value for a body, under a key derived from PAYLOAD_SECRET. */
export const signInvalidation = (body: string, now = Date.now()): string => signInvalidationWith(signingKey(), body, now)

/** True when the header signs this body and is at most a minute old (or ahead). */
export const verifyInvalidation = (body: string, header: string | null | undefined, now = Date.now()): boolean =>
  verifyInvalidationWith(signingKey(), body, header, now)

/** Drops the tags on every site process: this one directly when it is a site process, the others over HTTP (never throws, never waits). */
export function invalidateSite(tags: string[]): void {
  const local = (globalThis as Record<symbol, unknown>)[LOCAL_INVALIDATE] as ((tags: string[]) => void) | undefined
  local?.(tags)
  if (process.env.ESUKO_SITE_INVALIDATION === '0') return
  fanOutInvalidation(tags, signInvalidation, { skipOwn: Boolean(local) })
}
