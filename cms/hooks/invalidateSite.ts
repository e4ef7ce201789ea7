import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { cheerTargetsOf } from '../lib/cheerTarget'
import { resolveSecret } from '../runtime/secret'

/**
 * Keeps the public site's cache (site/lib/cache.ts) fresh: after a change or deletion in a collection or global
 * the site reads, the site drops the matching cache tags. In the site process (resident submissions, cheers)
 * that is a direct call; from the admin process a signed, fire-and-forget POST to the site's loopback endpoint
 * `/_internal/invalidate` (SITE_INTERNAL_URL, default http://127.0.0.1:${SITE_PORT}). A short TTL on the site
 * covers a lost request.
 */

/** Collections and globals the public site reads (directly or populated); changes elsewhere never reach it. */
export const SITE_COLLECTIONS = new Set([
  'stories',
  'citizens',
  'plans',
  'support-offers',
  'events',
  'event-registrations',
  'organisations',
  'cheers',
  'media',
  'survey-responses',
  'official-survey-results',
  'participants',
])
export const SITE_GLOBALS = new Set(['site-settings', 'kpi-targets'])

const LOCAL = Symbol.for('esuko.site-cache.invalidate')
const TIMEOUT_MS = 1_000
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

export const siteInternalUrl = (): string => process.env.SITE_INTERNAL_URL || `http://127.0.0.1:${process.env.SITE_PORT ?? '4321'}`

/** Drops the tags on the site: in this process when it is the site, else over HTTP (never throws, never waits). */
export function invalidateSite(tags: string[]): void {
  const local = (globalThis as Record<symbol, unknown>)[LOCAL] as ((tags: string[]) => void) | undefined
  if (local) {
    local(tags)
    return
  }
  if (process.env.ESUKO_SITE_INVALIDATION === '0') return
  const body = JSON.stringify({ tags })
  void fetch(`${siteInternalUrl()}/_internal/invalidate`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-esuko-signature': signInvalidation(body) },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then(
    (res) => void res.body?.cancel(),
    () => undefined, // the site may be down or restarting: its TTL covers this
  )
}

/** A cheer changes only its target's count and messages: a fine tag, so other pages stay cached. */
function tagsFor(slug: string, doc: Record<string, unknown> | undefined): string[] {
  if (slug === 'cheers') return [...cheerTargetsOf(doc).map((t) => `cheers:${t.type}:${t.id}`), 'cheers']
  return [slug]
}

const afterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  const tags = new Set([...tagsFor(collection.slug, doc), ...tagsFor(collection.slug, previousDoc)])
  invalidateSite([...tags])
  return doc
}
const afterDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  invalidateSite(tagsFor(collection.slug, doc))
  return doc
}
const afterGlobalChange: GlobalAfterChangeHook = ({ global, doc }) => {
  invalidateSite([global.slug])
  return doc
}

/** Adds the invalidation hooks to the collections the site reads; the others come back unchanged. */
export const withSiteInvalidation = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((c) =>
    SITE_COLLECTIONS.has(c.slug)
      ? { ...c, hooks: { ...c.hooks, afterChange: [...(c.hooks?.afterChange ?? []), afterChange], afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete] } }
      : c,
  )

/** The same for globals. */
export const withSiteInvalidationGlobals = (globals: GlobalConfig[]): GlobalConfig[] =>
  globals.map((g) => (SITE_GLOBALS.has(g.slug) ? { ...g, hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), afterGlobalChange] } } : g))
