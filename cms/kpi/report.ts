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
/** One official result of the city's resident survey (share in percent). */
export type OfficialResult = { fiscalYear: number; share: number; sampleSize: number; source: string; surveyDate: string }
/** A year's targets; null where the contract (or an editor) has not set one: shown as 未設定, never invented. */
export type KpiTargets = { fiscalYear: number } & { [K in Exclude<keyof typeof DEFAULT_KPI_TARGETS, 'fiscalYear'>]: number | null }
export type ThemeCount = { theme: Theme; label: string } & Record<ThemedMetric, number>

export type KpiReport = {
  fiscalYear: number
  label: string
  range: { start: string; end: string }
  generatedAt: string
  targets: KpiTargets | null
  survey: {
    /** KPI 1 proper, from the city's official results. */
    official: {
      current: OfficialResult | null
      /** The latest result recorded for an earlier year. */
      previous: OfficialResult | null
      /** The first result ever recorded (the baseline), when it is of this year or earlier. */
      baseline: OfficialResult | null
      /** KPI 1's value: current − previous, in percentage points. */
      changePoints: number | null
      /** current − baseline, in points (null when this year is the baseline). */
      sinceBaseline: number | null
    }
    /** The portal's survey, counted answers only (a supplementary indicator, not KPI 1). */
    supplementary: { current: SurveyShare; byTown: Record<Town, SurveyShare> }
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
      for (const [theme, n] of Object.entries(monthCell(rows, metric, fy, month)?.byTheme ?? {}))
        counts.set(theme, (counts.get(theme) ?? 0) + n)
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
  for (const [id, org] of Object.entries(meetingsCell(rows, fy)?.first ?? {}))
    if (new Date(org.at).getTime() < now.getTime()) held.set(id, org)
  return held
}

/** KPI 6: organisations in a 共助会議 held in the year, each once, in reading order. */
function meetingOrganisations(rows: TallyRows, fiscalYear: number, now: Date): KpiReport['organisations'] {
  const held = [...meetingsHeld(rows, fiscalYear, now).values()].sort(
    (a, b) => a.reading.localeCompare(b.reading, 'ja') || a.name.localeCompare(b.name, 'ja'),
  )
  const result = { ...emptyBreakdown(), names: [] as string[] }
  for (const org of held) {
    result.total += 1
    result.byMonth[fiscalMonthIndex(org.at)] += 1
    result.byTown[org.town] += 1
    result.names.push(org.name)
  }
  return result
}

const shareOf = (respondents: number, positive: number): SurveyShare => ({
  respondents,
  positive,
  share: respondents ? (positive / respondents) * 100 : null,
})

/**
 * The targets for a fiscal year from the KPI-targets global; a year with no row has none (null), and so does
 * any figure left empty in its row. Only 令和7年度's come from the contract when editors entered nothing.
 */
export async function kpiTargets(payload: Payload, fiscalYear: number): Promise<KpiTargets | null> {
  const global = await payload.findGlobal({ slug: 'kpi-targets', depth: 0, overrideAccess: true })
  const row = global.years?.find((y) => y.fiscalYear === fiscalYear)
  if (!row) return fiscalYear === DEFAULT_KPI_TARGETS.fiscalYear ? { ...DEFAULT_KPI_TARGETS } : null
  const value = (n: number | null | undefined) => (typeof n === 'number' ? n : null)
  return {
    fiscalYear,
    surveyPointIncrease: value(row.surveyPointIncrease),
    citizens: value(row.citizens),
    participants: value(row.participants),
    plansAccumulated: value(row.plansAccumulated),
    plansRealised: value(row.plansRealised),
    organisations: value(row.organisations),
  }
}

/** The official KPI-1 results recorded for this fiscal year and the ones before it, oldest first. */
export async function officialSurveyResults(payload: Payload, upToFiscalYear: number): Promise<OfficialResult[]> {
  const { docs } = await payload.find({
    collection: SURVEY.official.collection,
    where: { fiscalYear: { less_than_equal: upToFiscalYear } },
    sort: 'fiscalYear',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((d) => ({
    fiscalYear: d.fiscalYear,
    share: d.share,
    sampleSize: d.sampleSize,
    source: d.source,
    surveyDate: d.surveyDate,
  }))
}

/** KPI 1 of a year from the official results: baseline = the first recorded, change = from the one before. */
export function officialKpi1(results: OfficialResult[], fiscalYear: number): KpiReport['survey']['official'] {
  const current = results.find((r) => r.fiscalYear === fiscalYear) ?? null
  const earlier = results.filter((r) => r.fiscalYear < fiscalYear)
  const previous = earlier.at(-1) ?? null
  const baseline = results[0] ?? null
  const points = (a: OfficialResult | null, b: OfficialResult | null) =>
    a && b && a !== b ? Math.round((a.share - b.share) * 1e6) / 1e6 : null
  return { current, previous, baseline, changePoints: points(current, previous), sinceBaseline: points(current, baseline) }
}

/** The KPIs of a fiscal year; the year's tallies are read once. */
export async function computeKpis(payload: Payload, fiscalYear: number, now = new Date()): Promise<KpiReport> {
  const { start, end } = fiscalYearRange(fiscalYear)
  const rows = await readTallies(payload, [fiscalYear])
  const [targets, official, heldEvents] = await Promise.all([
    kpiTargets(payload, fiscalYear),
    officialSurveyResults(payload, fiscalYear),
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
  const thisYear = surveyCell(rows, fiscalYear) ?? { respondents: 0, positive: 0, byTown: {} as Record<Town, undefined> }
  const monthly = Object.fromEntries(MONTHLY_METRICS.map((metric) => [metric, monthlyBreakdown(rows, metric, fiscalYear)])) as Record<
    MonthlyMetric,
    Breakdown
  >

  return {
    fiscalYear,
    label: reiwaLabel(fiscalYear),
    range: { start: start.toISOString(), end: end.toISOString() },
    generatedAt: now.toISOString(),
    targets,
    survey: {
      official: officialKpi1(official, fiscalYear),
      supplementary: {
        current: shareOf(thisYear.respondents, thisYear.positive),
        byTown: Object.fromEntries(
          TOWNS.map((t) => [t, shareOf(thisYear.byTown[t]?.respondents ?? 0, thisYear.byTown[t]?.positive ?? 0)]),
        ) as Record<Town, SurveyShare>,
      },
    },
    ...monthly,
    organisations: meetingOrganisations(rows, fiscalYear, now),
    eventAttendance: { ...monthly.eventAttendance, events: heldEvents.totalDocs },
    themes: themeCounts(rows, fiscalYear),
  }
}
