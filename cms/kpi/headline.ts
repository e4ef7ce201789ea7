import type { Payload } from 'payload'

import { publicPlanWhere, realisedPlanWhere } from '../domain/plans'
import { countedCitizenWhere } from './catalogue'
import { readTallies } from './recountQueue'
import { meetingsHeld } from './report'
import { programmeYears } from './tallyStore'

export type HeadlineCounts = {
  citizens: number
  plans: number
  realised: number
  organisations: number
}

/**
 * The home page's headline figures, over the whole programme (not one fiscal year), in two reads that change for
 * different reasons (site/lib/counters.ts caches them apart):
 * - えすこ市民 and plans as they stand now, by the same predicates as the KPIs (the catalogue's citizen filter, the
 *   domain's public and realised plans): counts over the collections, read again when a citizen or plan changes;
 * - the organisations from the meeting tallies of every programme year, read again when those are recounted, and not
 *   after every other recount (a cheer batch's).
 * Aggregates only: access control is off (a citizen without publication consent still counts) and no document
 * content leaves these functions.
 */
export async function peopleAndPlanCounts(payload: Payload): Promise<Omit<HeadlineCounts, 'organisations'>> {
  const [citizens, plans, realised] = await Promise.all([
    payload.count({ collection: 'citizens', where: countedCitizenWhere() }),
    payload.count({ collection: 'plans', where: publicPlanWhere() }),
    payload.count({ collection: 'plans', where: realisedPlanWhere() }),
  ])
  return { citizens: citizens.totalDocs, plans: plans.totalDocs, realised: realised.totalDocs }
}

/** The organisations that have taken part in a 共助会議 held so far, over every programme year. */
export async function organisationCount(payload: Payload, now = new Date()): Promise<number> {
  const years = programmeYears(now)
  const rows = await readTallies(payload, years, ['meetings'])
  return new Set(years.flatMap((fy) => [...meetingsHeld(rows, fy, now).keys()])).size
}

export async function headlineCounts(payload: Payload, now = new Date()): Promise<HeadlineCounts> {
  const [counts, organisations] = await Promise.all([peopleAndPlanCounts(payload), organisationCount(payload, now)])
  return { ...counts, organisations }
}
