import type { Payload } from 'payload'

import { TOWNS, type Town } from '../fields/options'
import { DEFAULT_KPI_TARGETS } from '../globals/KpiTargets'
import { fiscalMonthIndex, fiscalYearRange, reiwaLabel } from '../domain/fiscalYear'
import { type Breakdown, emptyBreakdown, meetingsHeld, monthlyBreakdown, type MonthlyMetric, readTallies, type SurveyCell, surveyCell, type TallyRow, type TownKey } from './kpiTallies'

/**
 * The programme's KPIs for one fiscal year (April–March, Japan time), from counts kept by cms/lib/kpiTallies.ts
 * through the Local API only (counts and selected fields), so it runs the same on SQLite and MongoDB.
 */

export const MONTH_LABELS = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月']

export type { Breakdown, TownKey }
export type SurveyShare = { respondents: number; positive: number; share: number | null }
export type KpiTargets = Omit<typeof DEFAULT_KPI_TARGETS, 'fiscalYear'> & { fiscalYear: number }

export type KpiReport = {
  fiscalYear: number
  label: string
  range: { start: string; end: string }
  generatedAt: string
  targets: KpiTargets | null
  survey: {
    current: SurveyShare
    previous: SurveyShare
    /** Change of the positive share, in percentage points (current − previous). */
    changePoints: number | null
    byTown: Record<Town, SurveyShare>
  }
  citizens: Breakdown
  participants: Breakdown
  plansPublished: Breakdown
  plansRealised: Breakdown
  organisations: Breakdown & { names: string[] }
  connections: Breakdown
  storiesPublished: Breakdown
  cheers: Breakdown
  eventAttendance: Breakdown & { events: number }
}

export { fiscalMonthIndex }


const shareOf = (respondents: number, positive: number): SurveyShare => ({ respondents, positive, share: respondents ? (positive / respondents) * 100 : null })

/** KPI 6 from the meetings tally: organisations in a 共助会議 held in the year, each once, in reading order. */
function meetingOrganisations(rows: Map<string, TallyRow>, fiscalYear: number, now: Date): KpiReport['organisations'] {
  const held = [...meetingsHeld(rows, fiscalYear, now).values()].sort((a, b) => a.reading.localeCompare(b.reading, 'ja') || a.name.localeCompare(b.name, 'ja'))
  const result = { ...emptyBreakdown(), names: [] as string[] }
  for (const org of held) {
    result.total += 1
    result.byMonth[fiscalMonthIndex(org.at)] += 1
    result.byTown[org.town] += 1
    result.names.push(org.name)
  }
  return result
}

/** The targets for a fiscal year from the KPI-targets global (令和7年度 defaults when none is set). */
export async function kpiTargets(payload: Payload, fiscalYear: number): Promise<KpiTargets | null> {
  const global = await payload.findGlobal({ slug: 'kpi-targets', depth: 0, overrideAccess: true })
  const row = global.years?.find((y) => y.fiscalYear === fiscalYear)
  if (row) {
    const { id: _id, ...targets } = row
    return targets
  }
  return fiscalYear === DEFAULT_KPI_TARGETS.fiscalYear ? { ...DEFAULT_KPI_TARGETS } : null
}

/**
 * The KPIs of a fiscal year, assembled from the maintained tallies (cms/lib/kpiTallies.ts): the same figures as
 * counting the documents, at a cost that does not grow with the data.
 */
export async function computeKpis(payload: Payload, fiscalYear: number, now = new Date()): Promise<KpiReport> {
  const { start, end } = fiscalYearRange(fiscalYear)
  const rows = await readTallies(payload, [fiscalYear, fiscalYear - 1])
  const organisations = meetingOrganisations(rows, fiscalYear, now)
  const [targets, heldEvents] = await Promise.all([
    kpiTargets(payload, fiscalYear),
    // Time decides which events have been held: counted at read time (events are few, startsAt is indexed).
    payload.count({
      collection: 'events',
      where: {
        and: [
          { startsAt: { greater_than_equal: start.toISOString() } },
          { startsAt: { less_than: new Date(Math.min(end.getTime(), now.getTime())).toISOString() } },
          { _status: { equals: 'published' } },
          { cancelled: { not_equals: true } },
        ],
      },
      overrideAccess: true,
    }),
  ])
  const survey = (fy: number) => surveyCell(rows, fy) ?? { respondents: 0, positive: 0, byTown: {} as SurveyCell['byTown'] }
  const [thisYear, lastYear] = [survey(fiscalYear), survey(fiscalYear - 1)]
  const current = shareOf(thisYear.respondents, thisYear.positive)
  const previous = shareOf(lastYear.respondents, lastYear.positive)
  const breakdown = (metric: MonthlyMetric) => monthlyBreakdown(rows, metric, fiscalYear)

  return {
    fiscalYear,
    label: reiwaLabel(fiscalYear),
    range: { start: start.toISOString(), end: end.toISOString() },
    generatedAt: now.toISOString(),
    targets,
    survey: {
      current,
      previous,
      changePoints: current.share !== null && previous.share !== null ? current.share - previous.share : null,
      byTown: Object.fromEntries(TOWNS.map((t) => [t, shareOf(thisYear.byTown[t]?.respondents ?? 0, thisYear.byTown[t]?.positive ?? 0)])) as Record<Town, SurveyShare>,
    },
    citizens: breakdown('citizens'),
    participants: breakdown('participants'),
    plansPublished: breakdown('plansPublished'),
    plansRealised: breakdown('plansRealised'),
    organisations,
    connections: breakdown('connections'),
    storiesPublished: breakdown('storiesPublished'),
    cheers: breakdown('cheers'),
    eventAttendance: { ...breakdown('eventAttendance'), events: heldEvents.totalDocs },
  }
}

/** The smallest count of people a public breakdown cell may show (APPI: small districts identify people). */
export const MIN_CELL = 5

/**
 * Public breakdowns: a cell counting 1–4 people becomes null; where that leaves exactly one hidden cell in
 * a row whose total is shown, the next smallest cell is hidden too, so no cell can be worked out by subtraction.
 */
export function suppressSmallCells(cells: number[], min = MIN_CELL): (number | null)[] {
  const out: (number | null)[] = cells.map((n) => (n > 0 && n < min ? null : n))
  const hidden = out.filter((v) => v === null).length
  if (hidden === 1) {
    let candidate = -1
    out.forEach((v, i) => {
      if (v !== null && v > 0 && (candidate < 0 || v < (out[candidate] as number))) candidate = i
    })
    if (candidate >= 0) out[candidate] = null
  }
  return out
}

/**
 * KPI 1 over the year, for the admin dashboard's trend: the cumulative positive share (percent) at the end
 * of each fiscal month, by answer date (entry date when none was given). null until the first answer.
 */
export async function surveyShareByMonth(payload: Payload, fiscalYear: number): Promise<(number | null)[]> {
  const { docs } = await payload.find({
    collection: 'survey-responses',
    where: { fiscalYear: { equals: fiscalYear } },
    select: { answer: true, answeredAt: true, createdAt: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const all = Array(12).fill(0)
  const positive = Array(12).fill(0)
  for (const doc of docs as unknown as { answer?: string; answeredAt?: string | null; createdAt: string }[]) {
    const month = fiscalMonthIndex(doc.answeredAt || doc.createdAt)
    all[month] += 1
    if (doc.answer === '4' || doc.answer === '5') positive[month] += 1
  }
  let respondents = 0
  let positives = 0
  return all.map((n, i) => {
    respondents += n
    positives += positive[i]
    return respondents ? (positives / respondents) * 100 : null
  })
}
