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
 * The four headline figures on the home page, over the whole programme (not one fiscal year): えすこ市民 and
 * plans as they stand now, by the same predicates as the KPIs (the catalogue's citizen filter, the domain's
 * public and realised plans), and the organisations from the meeting tallies of every programme year.
 * Aggregates only: access control is off (a citizen without publication consent still counts) and no document
 * content leaves this function.
 */
export async function headlineCounts(payload: Payload, now = new Date()): Promise<HeadlineCounts> {
  const years = programmeYears(now)
  const [citizens, plans, realised, rows] = await Promise.all([
    payload.count({ collection: 'citizens', where: countedCitizenWhere() }),
    payload.count({ collection: 'plans', where: publicPlanWhere() }),
    payload.count({ collection: 'plans', where: realisedPlanWhere() }),
    readTallies(payload, years),
  ])
  const organisations = new Set(years.flatMap((fy) => [...meetingsHeld(rows, fy, now).keys()]))
  return { citizens: citizens.totalDocs, plans: plans.totalDocs, realised: realised.totalDocs, organisations: organisations.size }
}
