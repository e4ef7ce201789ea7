import { FIRST_FISCAL_YEAR, fiscalYearOf, fiscalYearRange } from '../../cms/domain/fiscalYear'
import { computeKpis } from '../../cms/lib/kpi'
import { type PublicKpiReport, themeCounts, toPublicReport } from '../../cms/lib/kpiPublic'
import type { Event, Story } from '../../cms/payload-types'
import { payloadClient } from './payload'

export type { PublicKpiReport }

export { FIRST_FISCAL_YEAR }

export const currentFiscalYear = (now = new Date()): number => fiscalYearOf(now)

/** Fiscal years the public pages offer, newest first. */
export const availableFiscalYears = (now = new Date()): number[] => {
  const years: number[] = []
  for (let fy = currentFiscalYear(now); fy >= FIRST_FISCAL_YEAR; fy--) years.push(fy)
  return years
}

/** A `?fy=` value when it names an offered year, else null (the caller answers 404 or falls back). */
export const parseFiscalYear = (value: string | null | undefined, now = new Date()): number | null => {
  if (!value || !/^\d{4}$/.test(value)) return null
  const fy = Number(value)
  return availableFiscalYears(now).includes(fy) ? fy : null
}

/**
 * The public KPI report of a fiscal year: counted from the data with access control off (aggregates only),
 * then reduced to what may be published (small-cell rule, no personal data).
 */
export async function getPublicKpis(fiscalYear: number): Promise<PublicKpiReport> {
  const payload = await payloadClient()
  const [report, themes] = await Promise.all([computeKpis(payload, fiscalYear), themeCounts(payload, fiscalYear)])
  return toPublicReport(report, themes)
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
