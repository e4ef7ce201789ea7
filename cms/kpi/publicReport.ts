import { TOWNS } from '../domain/options'
import { type MetricDef, METRICS, TOWN_COLUMNS } from './catalogue'
import { type Interval, MIN_SAMPLE, showsShare, suppressBreakdown, suppressRow, suppressSmallCells, wilsonInterval } from './disclosure'
import type { Breakdown, KpiReport, OfficialResult, SurveyShare, ThemeCount } from './report'

/**
 * The public (resident-facing and open-data) view of a KpiReport: aggregates only, with the small-cell rule
 * (cms/kpi/disclosure.ts) applied to every breakdown that counts people. Pure functions.
 */

export type PublicMetric = MetricDef & {
  total: number | null
  targetValue: number | null
  /** total / target × 100, when both are shown. */
  achievement: number | null
  byMonth: (number | null)[]
  byTown: (number | null)[]
}

/** A share of the portal's survey: shown only with its sample size and interval, from MIN_SAMPLE answers. */
export type PublicSample = { respondents: number | null; share: number | null; interval: Interval | null }

export type PublicSurvey = {
  /** KPI 1's target for the year (increase in points); null: 未設定. */
  target: number | null
  /** KPI 1 proper: the city's official results (public figures as published). */
  official: KpiReport['survey']['official']
  /** The portal's survey, a supplementary indicator (never KPI 1's value). */
  supplementary: {
    minimumSample: number
    current: PublicSample
    byTown: ({ town: string } & PublicSample)[]
    /** Counted answers in the six towns together (hidden with the town row when the small-cell rule needs it). */
    byTownTotal: number | null
  }
}

export type PublicKpiReport = {
  fiscalYear: number
  label: string
  range: { start: string; end: string }
  generatedAt: string
  metrics: PublicMetric[]
  survey: PublicSurvey
  /** Organisations that took part in 共助会議 (public names). */
  organisationNames: string[]
  eventsHeld: number
  themes: ThemeCount[]
}

const publicMetric = (def: MetricDef, b: Breakdown, targets: KpiReport['targets']): PublicMetric => {
  const byTownRaw = TOWN_COLUMNS.map((t) => b.byTown[t] ?? 0)
  let total: number | null = b.total
  let byMonth: (number | null)[] = b.byMonth
  let byTown: (number | null)[] = def.hasTown ? byTownRaw : TOWN_COLUMNS.map(() => null)
  if (def.people) {
    if (def.hasTown) {
      const s = suppressBreakdown(b.byMonth, byTownRaw)
      ;({ total, byMonth, byTown } = s)
    } else {
      const s = suppressRow(b.byMonth)
      total = s.total
      byMonth = s.cells
    }
  }
  const targetValue = def.target && targets ? targets[def.target] : null
  return { ...def, total, targetValue, achievement: total !== null && targetValue ? (total / targetValue) * 100 : null, byMonth, byTown }
}

/** A share with its sample size and 95 % interval, or nothing but the (small-cell-safe) count below MIN_SAMPLE. */
// `shown` is the count as the small-cell rule left it (suppressRow for the town row, 1–4 hidden on its own).
const publicSample = (s: SurveyShare, shown: number | null = suppressSmallCells([s.respondents])[0]): PublicSample =>
  shown !== null && showsShare(s.respondents)
    ? { respondents: shown, share: s.share, interval: wilsonInterval(s.positive, s.respondents) }
    : { respondents: shown, share: null, interval: null }

export type { OfficialResult }
export { MIN_SAMPLE }

/** The public view of a KPI report: no names of people, no cell counting 1–4 people. */
export function toPublicReport(report: KpiReport): PublicKpiReport {
  const metrics = METRICS.map((def) => publicMetric(def, report[def.key], report.targets))
  const { official, supplementary } = report.survey
  const townRespondents = suppressRow(TOWNS.map((t) => supplementary.byTown[t].respondents))
  return {
    fiscalYear: report.fiscalYear,
    label: report.label,
    range: report.range,
    generatedAt: report.generatedAt,
    metrics,
    survey: {
      target: report.targets?.surveyPointIncrease ?? null,
      official,
      supplementary: {
        minimumSample: MIN_SAMPLE,
        current: publicSample(supplementary.current),
        byTown: TOWNS.map((town, i) => ({ town, ...publicSample(supplementary.byTown[town], townRespondents.cells[i]) })),
        byTownTotal: townRespondents.total,
      },
    },
    organisationNames: report.organisations.names,
    eventsHeld: report.eventAttendance.events,
    themes: report.themes,
  }
}
