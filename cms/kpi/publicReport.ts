import { TOWNS } from '../domain/options'
import { type MetricDef, METRICS, TOWN_COLUMNS } from './catalogue'
import { showsShare, suppressBreakdown, suppressRow } from './disclosure'
import type { Breakdown, KpiReport, ThemeCount } from './report'

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

export type PublicSurvey = {
  target: number | null
  current: { respondents: number | null; share: number | null }
  previous: { respondents: number | null; share: number | null }
  changePoints: number | null
  byTown: { town: string; respondents: number | null; share: number | null }[]
  /** Respondents in the six towns together (hidden with the town row when the rule needs it). */
  byTownTotal: number | null
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
  const targetValue = def.target && targets ? (targets[def.target] as number) : null
  return { ...def, total, targetValue, achievement: total !== null && targetValue ? (total / targetValue) * 100 : null, byMonth, byTown }
}

const publicShare = (respondents: number, share: number | null) => {
  const shown = showsShare(respondents)
  return { respondents: shown ? respondents : respondents === 0 ? 0 : null, share: shown ? share : null }
}

/** The public view of a KPI report: no names of people, no cell counting 1–4 people. */
export function toPublicReport(report: KpiReport): PublicKpiReport {
  const metrics = METRICS.map((def) => publicMetric(def, report[def.key], report.targets))
  const townRespondents = suppressRow(TOWNS.map((t) => report.survey.byTown[t].respondents))
  const current = publicShare(report.survey.current.respondents, report.survey.current.share)
  const previous = publicShare(report.survey.previous.respondents, report.survey.previous.share)
  return {
    fiscalYear: report.fiscalYear,
    label: report.label,
    range: report.range,
    generatedAt: report.generatedAt,
    metrics,
    survey: {
      target: report.targets?.surveyPointIncrease ?? null,
      current,
      previous,
      changePoints: current.share !== null && previous.share !== null ? report.survey.changePoints : null,
      byTown: TOWNS.map((town, i) => {
        const respondents = townRespondents.cells[i]
        return { town, respondents, share: respondents !== null && showsShare(respondents) ? report.survey.byTown[town].share : null }
      }),
      byTownTotal: townRespondents.total,
    },
    organisationNames: report.organisations.names,
    eventsHeld: report.eventAttendance.events,
    themes: report.themes,
  }
}
