import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { CHEERS_TAG, cheerTag } from '../lib/cacheProtocol'
import { cheerTargetsOf } from '../lib/cheerTarget'
import { invalidateSite } from '../lib/siteInvalidation'

/**
 * Keeps the public site's cache (site/lib/cache.ts) fresh: after a change or deletion in a collection or global
 * the site reads, the site drops the matching cache tags (sent by cms/lib/siteInvalidation.ts). Which collections
 * and globals the site reads is declared in cms/plugins/sharedBehaviour.ts, which adds these hooks.
 */

/** A cheer changes only its target's count and messages: a fine tag, so other pages stay cached. */
function tagsFor(slug: string, doc: Record<string, unknown> | undefined): string[] {
  if (slug === 'cheers') return [...cheerTargetsOf(doc).map((t) => cheerTag(t.type, t.id)), CHEERS_TAG]
  return [slug]
}

// Both the old and the new document: a cheer moved to another target changes both targets' pages.
export const invalidateSiteOnChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc }) => {
  const tags = new Set([...tagsFor(collection.slug, doc), ...tagsFor(collection.slug, previousDoc)])
  invalidateSite([...tags])
  return doc
}

export const invalidateSiteOnDelete: CollectionAfterDeleteHook = ({ collection, doc }) => {
  invalidateSite(tagsFor(collection.slug, doc))
  return doc
}

export const invalidateSiteOnGlobalChange: GlobalAfterChangeHook = ({ global, doc }) => {
  invalidateSite([global.slug])
  return doc
}
