import { availableFiscalYears, FIRST_FISCAL_YEAR, fiscalYearOf, fiscalYearRange, parseFiscalYear } from '../../cms/domain/fiscalYear'
import { SURVEY } from '../../cms/kpi/catalogue'
import { type PublicKpiReport, type PublicMetric, toPublicReport } from '../../cms/kpi/publicReport'
import { computeKpis } from '../../cms/kpi/report'
import type { Event, Story } from '../../cms/payload-types'
import { payloadClient } from './payload'

// The site's door to the KPIs: pages and components import from here, never from cms/ directly.
export type { PublicKpiReport, PublicMetric }
export { MONTH_LABELS, METRICS, TOWN_COLUMN_LABELS } from '../../cms/kpi/catalogue'
export { SUPPRESSED_LABEL, SUPPRESSION_NOTE, suppressRow } from '../../cms/kpi/disclosure'
export {
  ATTRIBUTION,
  buildDataset,
  datasetCsv,
  datasetJson,
  DATASETS,
  isDatasetKey,
  LICENCE,
  NOT_SET,
  officialNote,
  sampleNote,
} from '../../cms/kpi/openData'

export { availableFiscalYears, FIRST_FISCAL_YEAR, parseFiscalYear }

export const currentFiscalYear = (now = new Date()): number => fiscalYearOf(now)

/** How the public pages explain the fiscal year. */
export const FISCAL_YEAR_NOTE = '年度は4月1日から翌年3月31日まで（日本時間）です。各月の集計も日本時間で区切っています。'

/** KPI 1's method note (the official survey) and the portal survey's, for the method sections. */
export const SURVEY_METHOD = SURVEY.official.method
export const SUPPLEMENTARY_SURVEY_METHOD = SURVEY.supplementary.method
export const SUPPLEMENTARY_SURVEY_LABEL = SURVEY.supplementary.label

/**
 * The public KPI report of a fiscal year: counted from the tallies with access control off (aggregates only),
 * then reduced to what may be published (small-cell rule, no personal data).
 */
export async function getPublicKpis(fiscalYear: number): Promise<PublicKpiReport> {
  return toPublicReport(await computeKpis(await payloadClient(), fiscalYear))
}

export type ReportStory = Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt' | 'town' | 'featured'>
export type ReportEvent = Pick<Event, 'id' | 'kind' | 'title' | 'slug' | 'startsAt' | 'venue' | 'town' | 'attendance'>

/** Stories for the report: published in the fiscal year, featured ones first (public read: published only). */
export async function findReportStories(fiscalYear: number, limit = 8): Promise<ReportStory[]> {
  const payload = await payloadClient()
  const { start, end } = fiscalYearRange(fiscalYear)
  const result = await payload.find({
    collection: 'stories',
    where: { and: [{ publishedAt: { greater_than_equal: start.toISOString() } }, { publishedAt: { less_than: end.toISOString() } }] },
    sort: ['-featured', 'featuredOrder', '-publishedAt'],
    select: { title: true, slug: true, lead: true, publishedAt: true, town: true, featured: true },
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as ReportStory[]
}

/** Events held in the fiscal year up to now (published, not cancelled), in date order. */
export async function findEventsHeld(fiscalYear: number, now = new Date()): Promise<ReportEvent[]> {
  const payload = await payloadClient()
  const { start, end } = fiscalYearRange(fiscalYear)
  const until = new Date(Math.min(end.getTime(), now.getTime()))
  const result = await payload.find({
    collection: 'events',
    where: {
      and: [
        { startsAt: { greater_than_equal: start.toISOString() } },
        { startsAt: { less_than: until.toISOString() } },
        { cancelled: { not_equals: true } },
      ],
    },
    sort: 'startsAt',
    select: { kind: true, title: true, slug: true, startsAt: true, venue: true, town: true, attendance: true },
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as ReportEvent[]
}
