import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

/**
 * The public site's cache protocol, in one place: the tags an edit drops, which of them only move a count, the
 * signed loopback request that carries them to every site process, the background-render and fresh-reader marks,
 * and the process-wide handles the bundled site registers for the code outside its bundle.
 *
 * Used by the admin's hooks (cms/hooks/invalidateSite.ts → cms/lib/siteInvalidation.ts → siteFanout.ts), by the
 * site (site/lib/cache.ts, site/lib/pageCache.ts, site/lib/cheers.ts), by the production server
 * (scripts/site-server.mjs) and by the bench (scripts/bench/run.mjs). The last two are plain Node modules: this file
 * imports nothing but node:crypto and uses only syntax Node can strip, so they load it as it is.
 */

/**
 * How long the site keeps what it read through the Local API at most (site/lib/cache.ts), invalidations aside. A page
 * rendered by another process can show data that much older than its render (site/lib/pageStore.ts).
 */
export const DATA_CACHE_TTL_MS = 30_000

/** Drops everything. */
export const ALL_TAGS = '*'

/**
 * Finer tags, so an edit drops the pages that show what it changed and not every page of its collection (a story page
 * reads only these; lists keep the collection's own tag):
 * - one document, wherever it is shown (its page, a card of it, a populated person or photo);
 * - the document at a slug, also while there is none (a read that found nothing is kept under it);
 * - a group: which published stories share a theme or a town (the related stories: a story entering it changes it;
 *   one leaving it is a change of a member, which the member's own tag carries); the support offers of one plan.
 */
export const docTag = (collection: string, id: number | string): string => `${collection}#${id}`
export const slugTag = (collection: string, slug: string): string => `${collection}/${slug}`
/** The id a relationship holds: as stored (an id) or populated (the document); null when empty. */
export const referenceId = (value: unknown): number | string | null =>
  typeof value === 'number' || typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'id' in value
      ? ((value as { id?: number | string | null }).id ?? null)
      : null

/** The documents of a collection whose field holds a value (`stories?themes=kids`, `support-offers?plan=12`). */
export const groupTag = (collection: string, field: string, value: number | string): string => `${collection}?${field}=${value}`

/** The tag of every cheer, and of one target's cheers (its approved messages; an editor's change moves its count too). */
export const CHEERS_TAG = 'cheers'
export const cheerTag = (type: string, id: number | string): string => `${CHEERS_TAG}:${type}:${id}`
/**
 * One target's cheer count alone. A resident's new cheer changes that and nothing else a page shows (a message waits
 * for an editor), so the site writes the new count into the pages it keeps instead of rendering them again
 * (site/lib/liveCounts.ts).
 */
export const cheerCountTag = (type: string, id: number | string): string => `${CHEERS_TAG}:count:${type}:${id}`

/**
 * The tag of every KPI tally recount, and of one metric's (`kpi-tallies:meetings`): a recount drops both, so a read of
 * one metric's tallies (the home page's organisations figure) is not read again after every cheer batch's recount.
 */
export const TALLIES_TAG = 'kpi-tallies'
export const tallyTag = (metric: string): string => `${TALLIES_TAG}:${metric}`

/**
 * Tags whose change only moves a count on a page (cheers of one target, the KPI tallies): a page read under them may
 * be served a moment longer while it is rendered again in the background. Every other tag (content: a title, a
 * withdrawal, a photo without consent; seats, which decide whether the form offers a seat or the waiting list) drops
 * the page at once.
 */
const COUNT_TAGS = new Set([CHEERS_TAG, TALLIES_TAG, 'survey-responses', 'participants'])
export const isCountTag = (tag: string): boolean =>
  COUNT_TAGS.has(tag) || tag.startsWith(`${CHEERS_TAG}:`) || tag.startsWith(`${TALLIES_TAG}:`)

/** The site's loopback endpoint for invalidations (POST, JSON `{ tags: string[] }`, signed). */
export const INVALIDATE_PATH = '/_internal/invalidate'
/** The site's loopback status of its page store and pre-renderer (GET, JSON; the proxy never passes /_internal/). */
export const PAGE_STORE_PATH = '/_internal/page-store'
export const SIGNATURE_HEADER = 'x-esuko-signature'
export const MAX_INVALIDATION_BODY = 10_000
const MAX_SKEW_MS = 60_000

/**
 * The HMAC key for invalidations, derived from PAYLOAD_SECRET (never the secret itself). A KeyObject, made once by
 * the caller: HMAC with a raw Buffer key re-imports the key on every call.
 */
export const invalidationKey = (secret: string): KeyObject =>
  createSecretKey(createHmac('sha256', secret).update('esuko-site-invalidate').digest())

const mac = (key: KeyObject, ts: string, body: string) => createHmac('sha256', key).update(`${ts}.${body}`).digest('base64url')

/** The signature header value for a body: `<ms timestamp>.<HMAC>`. */
export const signInvalidationWith = (key: KeyObject, body: string, now = Date.now()): string => `${now}.${mac(key, String(now), body)}`

/** True when the header signs this body and is at most a minute old (or ahead). */
export function verifyInvalidationWith(key: KeyObject, body: string, header: string | null | undefined, now = Date.now()): boolean {
  const [ts, signature] = (header ?? '').split('.')
  if (!ts || !signature || !/^\d{1,15}$/.test(ts) || Math.abs(now - Number(ts)) > MAX_SKEW_MS) return false
  const expected = mac(key, ts, body)
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
}

/** Marks a background render: a request a site process sends itself, with a token only that process knows. */
export const REFRESH_HEADER = 'x-esuko-refresh'

/** Marks a render that fills the page store (site/lib/prerender.ts), with a token only that process knows. */
export const PRERENDER_HEADER = 'x-esuko-prerender'

/** A resident who has just sent a form gets this short, anonymous cookie: their next pages are rendered for them. */
export const FRESH_COOKIE = 'esuko_fresh'
export const FRESH_SECONDS = 60

/**
 * Handles the bundled site registers on globalThis for code outside its bundle: the admin hooks running inside a
 * site process drop its cache directly (no HTTP round trip); the production server asks the page cache's fast path
 * first.
 */
export const LOCAL_INVALIDATE = Symbol.for('esuko.site-cache.invalidate')
export const FAST_PATH = Symbol.for('esuko.site.fastPath')
/** Where the production server listens (`{ host, port }`), for the site's renders of its own pages. */
export const SITE_ADDRESS = Symbol.for('esuko.site.address')
