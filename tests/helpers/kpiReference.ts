import type { Payload, Where } from 'payload'

import { fiscalMonthIndex, fiscalYearRange } from '../../cms/domain/fiscalYear'
import { TOWNS } from '../../cms/domain/options'
import { MONTHLY, type MonthlyMetric } from '../../cms/kpi/catalogue'
import type { Breakdown, TownKey } from '../../cms/kpi/report'

// The KPI figures counted the slow way, straight from every document, to hold the maintained tallies against.

const get = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc)

const emptyBreakdown = (): Breakdown => ({
  total: 0,
  byMonth: Array(12).fill(0),
  byTown: Object.fromEntries([...TOWNS, 'unknown'].map((t) => [t, 0])) as Record<TownKey, number>,
})

async function documentsOf(payload: Payload, metric: MonthlyMetric, fy: number) {
  const def = MONTHLY[metric]
  const { start, end } = fiscalYearRange(fy)
  const where: Where = {
    and: [
      { [def.dateField]: { greater_than_equal: start.toISOString() } },
      { [def.dateField]: { less_than: end.toISOString() } },
      ...(def.where ?? []),
    ],
  }
  return (await payload.find({ collection: def.collection, where, depth: 0, pagination: false, overrideAccess: true })).docs as unknown[]
}

export async function referenceBreakdown(payload: Payload, metric: MonthlyMetric, fy: number): Promise<Breakdown> {
  const def = MONTHLY[metric]
  const result = emptyBreakdown()
  for (const doc of await documentsOf(payload, metric, fy)) {
    const weight = def.weightField ? Number(get(doc, def.weightField) ?? 0) : 1
    const town =
      def.town === false ? 'unknown' : (TOWNS as readonly unknown[]).includes(get(doc, 'town')) ? (get(doc, 'town') as TownKey) : 'unknown'
    result.total += weight
    result.byMonth[fiscalMonthIndex(get(doc, def.dateField) as string)] += weight
    result.byTown[town] += weight
  }
  return result
}

export async function referenceThemes(payload: Payload, metric: MonthlyMetric, fy: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const doc of await documentsOf(payload, metric, fy))
    for (const t of new Set((get(doc, 'themes') as string[] | undefined) ?? [])) counts[t] = (counts[t] ?? 0) + 1
  return counts
}

export async function referenceSurvey(payload: Payload, fy: number): Promise<{ respondents: number; positive: number }> {
  // Only the answers the server decided to count (one per code; paper answers with their method).
  const { docs } = await payload.find({
    collection: 'survey-responses',
    where: { and: [{ fiscalYear: { equals: fy } }, { counted: { equals: true } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return { respondents: docs.length, positive: docs.filter((d) => d.answer === '4' || d.answer === '5').length }
}

/** Names of the organisations in the year's held, uncancelled, published 共助会議. */
export async function referenceMeetingOrganisations(payload: Payload, fy: number, now: Date): Promise<string[]> {
  const { start, end } = fiscalYearRange(fy)
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [
        { kind: { equals: 'kaigi' } },
        { _status: { equals: 'published' } },
        { cancelled: { not_equals: true } },
        { startsAt: { greater_than_equal: start.toISOString() } },
        { startsAt: { less_than: new Date(Math.min(end.getTime(), now.getTime())).toISOString() } },
      ],
    },
    depth: 1,
    pagination: false,
    overrideAccess: true,
  })
  const names = new Set(docs.flatMap((e) => (e.participatingOrganisations ?? []).map((o) => (typeof o === 'object' ? o.name : String(o)))))
  // Plus the organisations of registrations staff marked as attended at those meetings.
  const attended = docs.length
    ? await payload.find({
        collection: 'event-registrations',
        where: { and: [{ event: { in: docs.map((e) => e.id) } }, { status: { equals: 'attended' } }] },
        depth: 1,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  for (const r of attended.docs) if (r.organisation && typeof r.organisation === 'object') names.add(r.organisation.name)
  return [...names].sort()
}
