import type { Payload } from 'payload'

import { meetingsHeld, programmeYears, readTallies } from './kpiTallies'

export type HeadlineCounts = {
  citizens: number
  plans: number
  realised: number
  organisations: number
}

/**
 * The four headline figures on the home page. Aggregates only: access control is off (a citizen without
 * publication consent still counts) and no document content leaves this function. Three indexed counts, and the
 * organisations from the maintained meeting tallies (cms/lib/kpiTallies.ts) of every programme year.
 */
export async function headlineCounts(payload: Payload, now = new Date()): Promise<HeadlineCounts> {
  const years = programmeYears(now)
  const [citizens, plans, realised, rows] = await Promise.all([
    payload.count({ collection: 'citizens', where: { status: { in: ['registered', 'paused'] } } }),
    payload.count({ collection: 'plans', where: { status: { in: ['published', 'in_progress', 'realised'] } } }),
    payload.count({ collection: 'plans', where: { status: { equals: 'realised' } } }),
    readTallies(payload, years),
  ])
  const organisations = new Set(years.flatMap((fy) => [...meetingsHeld(rows, fy, now).keys()]))
  return { citizens: citizens.totalDocs, plans: plans.totalDocs, realised: realised.totalDocs, organisations: organisations.size }
}
