import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { cheerTargetsOf } from '../lib/cheerTarget'
import { invalidateSite } from '../lib/siteInvalidation'

// Kept for importers of the sender from here (cms/lib/kpiTallies.ts, site/lib/pageCache.ts) until they point at cms/lib.
export { invalidateSite, signInvalidation, siteInternalUrl, verifyInvalidation } from '../lib/siteInvalidation'

/**
 * Keeps the public site's cache (site/lib/cache.ts) fresh: after a change or deletion in a collection or global
 * the site reads, the site drops the matching cache tags (sent by cms/lib/siteInvalidation.ts).
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
  'participants',
])
export const SITE_GLOBALS = new Set(['site-settings', 'kpi-targets'])

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
