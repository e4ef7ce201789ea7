import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { APPROVED_CHEER_MESSAGE } from '../domain/submissions'
import { CHEERS_TAG, cheerCountTag, cheerTag, docTag, groupTag, isCountTag, referenceId, slugTag } from '../lib/cacheProtocol'
import { cheerTargetsOf } from '../lib/cheerTarget'
import { invalidateSite } from '../lib/siteInvalidation'

/**
 * Keeps the public site's cache (site/lib/cache.ts) fresh: after a change or deletion in a collection or global
 * the site reads, the site drops the matching cache tags (sent by cms/lib/siteInvalidation.ts). Which collections
 * and globals the site reads is declared in cms/plugins/sharedBehaviour.ts, which adds these hooks.
 */

type Doc = Record<string, unknown> | undefined

/**
 * The collection's tag (its lists), each version's own document and slug tags (its page, its cards, where it is
 * populated); a cheer only its target's count and messages; a story also the theme and town groups it entered; a
 * support offer its plan's offers.
 */
function tagsFor(slug: string, doc: Doc, previousDoc?: Doc, created = false): string[] {
  if (slug === 'cheers') {
    // A new cheer whose message (if any) still waits for an editor moves its target's count alone: the site writes
    // the number into its pages (site/lib/liveCounts.ts). An editor's change may show or hide a message too.
    const countOnly = created && doc?.messageStatus !== APPROVED_CHEER_MESSAGE
    return [
      ...[doc, previousDoc].flatMap((d) =>
        cheerTargetsOf(d).flatMap((t) => (countOnly ? [] : [cheerTag(t.type, t.id)]).concat(cheerCountTag(t.type, t.id))),
      ),
      CHEERS_TAG,
    ]
  }
  // A collection that only moves counts (participants, survey answers, the KPI tallies) keeps its one count tag: no
  // page shows one of its documents, and a content tag would set the pre-renderer sweeping (prerenderAfterChange).
  if (isCountTag(slug)) return [slug]
  const tags = new Set([slug])
  for (const version of [doc, previousDoc]) {
    const id = referenceId(version?.id)
    if (id !== null) tags.add(docTag(slug, id))
    if (typeof version?.slug === 'string' && version.slug) tags.add(slugTag(slug, version.slug))
  }
  if (slug === 'stories') for (const tag of storyGroupsEntered(doc, previousDoc)) tags.add(tag)
  // An offer changes its plan's page (the old plan's too, were it moved).
  if (slug === 'support-offers')
    for (const version of [doc, previousDoc]) {
      const plan = referenceId(version?.plan)
      if (plan !== null) tags.add(groupTag(slug, 'plan', plan))
    }
  return [...tags]
}

// The groups of stories the site lists (site/lib/stories.ts): the related stories of a theme or town, the stories of
// an esuko citizen or an organisation.
const STORY_GROUPS = ['themes', 'town', 'citizens', 'organisations'] as const

/** The values a story holds in a group field (a select, one or many, or relationships as ids or documents). */
const groupValues = (d: Doc, field: (typeof STORY_GROUPS)[number]): string[] =>
  [d?.[field]]
    .flat()
    .map(referenceId)
    .filter((v) => v !== null && v !== '')
    .map(String)

/**
 * The groups a published story may have entered (or moved within: its date changed). A story that leaves a group,
 * is withdrawn or deleted changes a list it was a member of, which its own document tag carries. `previousDoc` may
 * be the last draft rather than the published version: then every group counts as entered.
 */
function storyGroupsEntered(doc: Doc, previousDoc: Doc): string[] {
  if (doc?._status !== 'published') return []
  const stayed = previousDoc?._status === 'published' && previousDoc.publishedAt === doc.publishedAt
  return STORY_GROUPS.flatMap((field) => {
    const before = new Set(stayed ? groupValues(previousDoc, field) : [])
    return groupValues(doc, field)
      .filter((value) => !before.has(value))
      .map((value) => groupTag('stories', field, value))
  })
}

// Both the old and the new document: a cheer moved to another target changes both targets' pages.
export const invalidateSiteOnChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, operation }) => {
  invalidateSite(tagsFor(collection.slug, doc, previousDoc, operation === 'create'))
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
