import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterReadHook,
  CollectionConfig,
  CollectionSlug,
  GlobalConfig,
  GlobalSlug,
  Plugin,
} from 'payload'

import { personalGroupsOf } from '../domain/personalData'
import { auditChange, auditDelete, auditPersonalRead } from '../hooks/audit'
import { countParticipant } from '../hooks/countParticipant'
import { invalidateSiteOnChange, invalidateSiteOnDelete, invalidateSiteOnGlobalChange } from '../hooks/invalidateSite'
import { markTalliesAfterChange, markTalliesAfterDelete } from '../hooks/markKpiTallies'
import { TALLIED_COLLECTIONS } from '../kpi/catalogue'

/**
 * Behaviour that many collections share, added here and nowhere else: a collection's own file lists only its own
 * hooks. Each collection gets, where it applies, in this order:
 *
 *   afterChange  1. the collection's own hooks
 *                2. audit the change                 (AUDITED below; cms/hooks/audit.ts)
 *                3. count the participant            (personal groups with a `participant` channel,
 *                                                     cms/domain/personalData.ts; cms/hooks/countParticipant.ts)
 *                4. invalidate the site's pages      (SITE_READS below; cms/hooks/invalidateSite.ts)
 *                5. mark KPI tallies for a recount   (TALLIED_COLLECTIONS, cms/kpi/catalogue.ts; cms/hooks/markKpiTallies.ts)
 *   afterDelete  1, 2, 4, 5 as above
 *   afterRead    1, then audit reads of personal data (collections with a personal group, cms/domain/personalData.ts)
 * Globals: afterChange 1, then 4 (SITE_READS below).
 *
 * Why this order: the own hooks and the audit entry write in the request's transaction, so a failure there still
 * rolls the change back; counting a participant writes outside it (a clash on the unique hashes must never undo a
 * resident's submission), so it comes after them, or a refused submission would still be counted; the two signals
 * to other readers (page invalidation, KPI recount) go last, once every write of the change has been made.
 */

type Shared = {
  /** Changes and deletions are written to the audit log. */
  audit: boolean
  /** The public site reads it (directly or populated into what it reads), so a change drops the site's cache. */
  site: boolean
}

/** Every collection of the portal, so a new one cannot be added without deciding these. */
type PortalCollection = Exclude<CollectionSlug, `payload-${string}`>

const SHARED: Record<PortalCollection, Shared> = {
  stories: { audit: true, site: true },
  citizens: { audit: true, site: true },
  connections: { audit: true, site: false },
  plans: { audit: true, site: true },
  'support-offers': { audit: true, site: true },
  events: { audit: true, site: true },
  'event-registrations': { audit: true, site: true },
  organisations: { audit: true, site: true },
  cheers: { audit: true, site: true },
  'survey-responses': { audit: true, site: true },
  // KPI 1's official results (editors record them; /progress, the report and the open data show them).
  'official-survey-results': { audit: true, site: true },
  // Printed survey-code batches: who made which batch matters; the site never reads them.
  'survey-code-batches': { audit: true, site: false },
  // A spent code's keyed hash, written with its survey answer (which is audited itself).
  'survey-code-uses': { audit: false, site: false },
  // Written only by the server when a resident takes part (hashes, no contact): the submission itself is audited.
  participants: { audit: false, site: true },
  media: { audit: true, site: true },
  'deletion-requests': { audit: true, site: false },
  users: { audit: true, site: false },
  // The log itself.
  'audit-log': { audit: false, site: false },
  // Counts derived from the other collections, rewritten by every recount.
  'kpi-tallies': { audit: false, site: false },
  // Rate-limit windows and event seats (cms/db/counters/): bookkeeping, rewritten on every submission.
  'shared-counters': { audit: false, site: false },
  // Old page addresses (301/410), kept by hooks and editors; the site answers a missing page from them.
  redirects: { audit: true, site: true },
}

const SITE_GLOBALS: Record<Exclude<GlobalSlug, `payload-${string}`>, { site: boolean }> = {
  'site-settings': { site: true },
  'kpi-targets': { site: true },
}

const TALLIED = new Set<string>(TALLIED_COLLECTIONS)

function sharedOf(slug: string): Shared {
  const shared = SHARED[slug as PortalCollection]
  if (!shared) throw new Error(`${slug}: declare whether it is audited and read by the site in cms/plugins/sharedBehaviour.ts`)
  return shared
}

function withSharedHooks(collection: CollectionConfig): CollectionConfig {
  const { audit, site } = sharedOf(collection.slug)
  const tallied = TALLIED.has(collection.slug)
  const personal = personalGroupsOf(collection.slug)
  const own = collection.hooks ?? {}

  const afterChange: CollectionAfterChangeHook[] = [
    ...(own.afterChange ?? []),
    ...(audit ? [auditChange] : []),
    ...personal.flatMap((g) => (g.participant ? [countParticipant(g.participant, g.group)] : [])),
    ...(site ? [invalidateSiteOnChange] : []),
    ...(tallied ? [markTalliesAfterChange] : []),
  ]
  const afterDelete: CollectionAfterDeleteHook[] = [
    ...(own.afterDelete ?? []),
    ...(audit ? [auditDelete] : []),
    ...(site ? [invalidateSiteOnDelete] : []),
    ...(tallied ? [markTalliesAfterDelete] : []),
  ]
  // Reads of personal data are logged wherever it is kept, audited collection or not.
  const afterRead: CollectionAfterReadHook[] = [
    ...(own.afterRead ?? []),
    ...(personal.length ? [auditPersonalRead(personal.map((g) => g.group))] : []),
  ]

  return { ...collection, hooks: { ...own, afterChange, afterDelete, afterRead } }
}

function withSharedGlobalHooks(global: GlobalConfig): GlobalConfig {
  const shared = SITE_GLOBALS[global.slug as keyof typeof SITE_GLOBALS]
  if (!shared) throw new Error(`${global.slug}: declare whether the site reads it in cms/plugins/sharedBehaviour.ts`)
  if (!shared.site) return global
  return { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), invalidateSiteOnGlobalChange] } }
}

/** The shared behaviour above, as a Payload plugin (payload.config.ts). */
export const sharedBehaviour = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map(withSharedHooks),
  globals: (config.globals ?? []).map(withSharedGlobalHooks),
})
