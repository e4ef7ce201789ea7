import type { Payload } from 'payload'

import { fiscalMonthIndex, fiscalYearRange, reiwaLabel } from '../domain/fiscalYear'
import { type Theme, THEME_OPTIONS, type Town, TOWNS } from '../domain/options'
import { DEFAULT_KPI_TARGETS } from '../globals/KpiTargets'
import { liveEventWhere, MONTHLY_METRICS, type MonthlyMetric, SURVEY, THEMED_METRICS, type ThemedMetric, type TownKey } from './catalogue'
import { readTallies } from './recountQueue'
import { emptyTowns, type MeetingOrganisation, meetingsCell, monthCell, surveyCell, type TallyRows } from './tallyStore'

/**
 * The programme's KPIs for one fiscal year (April–March, Japan time), assembled from the tallies read once
 * (cms/kpi/tallyStore.ts): the same figures as counting the documents, at a cost that does not grow with the data.
 * The whole report, names of organisations included; the public view is cms/kpi/publicReport.ts.
 */

export type { TownKey }
export type Breakdown = { total: number; byMonth: number[]; byTown: Record<TownKey, number> }
export type SurveyShare = { respondents: number; positive: number; share: number | null }
export type KpiTargets = Omit<typeof DEFAULT_KPI_TARGETS, 'fiscalYear'> & { fiscalYear: number }
export type ThemeCount = { theme: Theme; label: string } & Record<ThemedMetric, number>

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
  organisations: Breakdown & { names: string[] }
  eventAttendance: Breakdown & { events: number }
  /** Stories published, plans published and plans realised in the year, per theme (an item can have several). */
  themes: ThemeCount[]
} & Record<Exclude<MonthlyMetric, 'eventAttendance'>, Breakdown>

export const emptyBreakdown = (): Breakdown => ({ total: 0, byMonth: Array(12).fill(0), byTown: emptyTowns() })

function monthlyBreakdown(rows: TallyRows, metric: MonthlyMetric, fy: number): Breakdown {
  const result = emptyBreakdown()
  for (let month = 0; month < 12; month++) {
    const cell = monthCell(rows, metric, fy, month)
    if (!cell) continue
    result.total += cell.total
    result.byMonth[month] = cell.total
    for (const [town, n] of Object.entries(cell.byTown)) result.byTown[town as TownKey] = (result.byTown[town as TownKey] ?? 0) + n
  }
  return result
}

function themeCounts(rows: TallyRows, fy: number): ThemeCount[] {
  const totals = (metric: ThemedMetric) => {
    const counts = new Map<string, number>()
    for (let month = 0; month < 12; month++) {
      for (const [theme, n] of Object.entries(monthCell(rows, metric, fy, month)?.byTheme ?? {})) counts.set(theme, (counts.get(theme) ?? 0) + n)
    }
    return counts
  }
  const byMetric = THEMED_METRICS.map(({ key }) => [key, totals(key)] as const)
  return THEME_OPTIONS.map((o) => ({
    theme: o.value,
    label: o.label.ja,
    ...(Object.fromEntries(byMetric.map(([key, counts]) => [key, counts.get(o.value) ?? 0])) as Record<ThemedMetric, number>),
  }))
}

/** Organisations whose first 共助会議 of the year began before `now`, by id. */
export function meetingsHeld(rows: TallyRows, fy: number, now: Date): Map<string, MeetingOrganisation> {
  const held = new Map<string, MeetingOrganisation>()
  for (const [id, org] of Object.entries(meetingsCell(rows, fy)?.first ?? {})) if (new Date(org.at).getTime() < now.getTime()) held.set(id, org)
  return held
}

/** KPI 6: organisations in a 共助会議 held in the year, each once, in reading order. */
function meetingOrganisations(rows: TallyRows, fiscalYear: number, now: Date): KpiReport['organisations'] {
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

const shareOf = (respondents: number, positive: number): SurveyShare => ({ respondents, positive, share: respondents ? (positive / respondents) * 100 : null })

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

/** The KPIs of a fiscal year; the tallies of the year and the previous one (for the survey's change) are read once. */
export async function computeKpis(payload: Payload, fiscalYear: number, now = new Date()): Promise<KpiReport> {
  const { start, end } = fiscalYearRange(fiscalYear)
  const rows = await readTallies(payload, [fiscalYear, fiscalYear - 1])
  const [targets, heldEvents] = await Promise.all([
    kpiTargets(payload, fiscalYear),
    // Time decides which events have been held: counted at read time (events are few, startsAt is indexed).
    payload.count({
      collection: 'events',
      where: {
        and: [
          { startsAt: { greater_than_equal: start.toISOString() } },
          { startsAt: { less_than: new Date(Math.min(end.getTime(), now.getTime())).toISOString() } },
          ...liveEventWhere(),
        ],
      },
      overrideAccess: true,
    }),
  ])
  const survey = (fy: number) => surveyCell(rows, fy) ?? { respondents: 0, positive: 0, byTown: {} as Record<Town, undefined> }
  const [thisYear, lastYear] = [survey(fiscalYear), survey(fiscalYear - 1)]
  const current = shareOf(thisYear.respondents, thisYear.positive)
  const previous = shareOf(lastYear.respondents, lastYear.positive)
  const monthly = Object.fromEntries(MONTHLY_METRICS.map((metric) => [metric, monthlyBreakdown(rows, metric, fiscalYear)])) as Record<MonthlyMetric, Breakdown>

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
    ...monthly,
    organisations: meetingOrganisations(rows, fiscalYear, now),
    eventAttendance: { ...monthly.eventAttendance, events: heldEvents.totalDocs },
    themes: themeCounts(rows, fiscalYear),
  }
}

/**
 * KPI 1 over the year, for the admin dashboard's trend: the cumulative positive share (percent) at the end
 * of each fiscal month, by answer date (entry date when none was given). null until the first answer.
 */
export async function surveyShareByMonth(payload: Payload, fiscalYear: number): Promise<(number | null)[]> {
  const { docs } = await payload.find({
    collection: SURVEY.collection,
    where: { [SURVEY.yearField]: { equals: fiscalYear } },
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
    if ((SURVEY.positiveAnswers as readonly string[]).includes(doc.answer ?? '')) positive[month] += 1
  }
  let respondents = 0
  let positives = 0
  return all.map((n, i) => {
    respondents += n
    positives += positive[i]
    return respondents ? (positives / respondents) * 100 : null
  })
}
