import type { CollectionSlug, Payload, Where } from 'payload'

import { TOWNS, type Town } from '../fields/options'
import { DEFAULT_KPI_TARGETS } from '../globals/KpiTargets'
import { fiscalYearRange, reiwaLabel } from './fiscalYear'

/**
 * The programme's KPIs for one fiscal year (April–March, Japan time), counted from the data through the
 * Local API only (counts and selected fields), so it runs the same on SQLite and MongoDB.
 */

export const MONTH_LABELS = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月']

export type TownKey = Town | 'unknown'
export type Breakdown = { total: number; byMonth: number[]; byTown: Record<TownKey, number> }
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

const TOKYO_OFFSET_MS = 9 * 3_600_000

/** 0 = April … 11 = March, in Japan time. */
export const fiscalMonthIndex = (iso: string | Date): number => {
  const tokyo = new Date(new Date(iso).getTime() + TOKYO_OFFSET_MS)
  return (tokyo.getUTCMonth() + 9) % 12
}

const emptyBreakdown = (): Breakdown => ({
  total: 0,
  byMonth: Array(12).fill(0),
  byTown: Object.fromEntries([...TOWNS, 'unknown'].map((t) => [t, 0])) as Record<TownKey, number>,
})

const townKey = (town: unknown): TownKey => ((TOWNS as readonly unknown[]).includes(town) ? (town as Town) : 'unknown')

const get = (doc: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc)

const selectOf = (paths: string[]) => {
  const select: Record<string, unknown> = {}
  for (const p of paths) {
    const keys = p.split('.')
    let node = select
    keys.forEach((k, i) => {
      if (i === keys.length - 1) node[k] = true
      else node = (node[k] = (node[k] as Record<string, unknown>) ?? {}) as Record<string, unknown>
    })
  }
  return select
}

type Range = { start: Date; end: Date }

const inRange = (field: string, range: Range): Where[] => [
  { [field]: { greater_than_equal: range.start.toISOString() } },
  { [field]: { less_than: range.end.toISOString() } },
]

/** Buckets the documents whose `dateField` falls in the range by month and town, reading only those two fields. */
async function breakdownOf(
  payload: Payload,
  collection: CollectionSlug,
  dateField: string,
  range: Range,
  options: { where?: Where[]; townField?: string; weightField?: string } = {},
): Promise<Breakdown> {
  const townField = options.townField ?? 'town'
  const paths = [dateField, townField, ...(options.weightField ? [options.weightField] : [])]
  const { docs } = await payload.find({
    collection,
    where: { and: [...inRange(dateField, range), ...(options.where ?? [])] },
    select: selectOf(paths) as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const result = emptyBreakdown()
  for (const doc of docs as unknown as Record<string, unknown>[]) {
    const at = get(doc, dateField)
    if (typeof at !== 'string') continue
    const weight = options.weightField ? Number(get(doc, options.weightField) ?? 0) : 1
    result.total += weight
    result.byMonth[fiscalMonthIndex(at)] += weight
    result.byTown[townKey(get(doc, townField))] += weight
  }
  return result
}

/** For high-volume collections with no town: twelve indexed counts instead of reading every document. */
async function monthlyCounts(payload: Payload, collection: CollectionSlug, dateField: string, range: Range): Promise<Breakdown> {
  const result = emptyBreakdown()
  const bounds = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(range.start.getUTCFullYear(), 3 + i, 1) - TOKYO_OFFSET_MS))
  const counts = await Promise.all(
    bounds.slice(0, 12).map((from, i) =>
      payload.count({ collection, where: { and: inRange(dateField, { start: from, end: bounds[i + 1] }) }, overrideAccess: true }),
    ),
  )
  counts.forEach((c, i) => {
    result.byMonth[i] = c.totalDocs
    result.total += c.totalDocs
  })
  result.byTown.unknown = result.total
  return result
}

const POSITIVE: Where = { answer: { in: ['4', '5'] } }

async function surveyShare(payload: Payload, fiscalYear: number, town?: Town): Promise<SurveyShare> {
  const base: Where[] = [{ fiscalYear: { equals: fiscalYear } }, ...(town ? [{ town: { equals: town } }] : [])]
  const [all, positive] = await Promise.all([
    payload.count({ collection: 'survey-responses', where: { and: base }, overrideAccess: true }),
    payload.count({ collection: 'survey-responses', where: { and: [...base, POSITIVE] }, overrideAccess: true }),
  ])
  return {
    respondents: all.totalDocs,
    positive: positive.totalDocs,
    share: all.totalDocs ? (positive.totalDocs / all.totalDocs) * 100 : null,
  }
}

const idOf = (value: unknown): string => String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** KPI 6: organisations listed as taking part in a 共助会議 held in the year (cancelled ones excluded). */
async function meetingOrganisations(payload: Payload, range: Range, now: Date): Promise<KpiReport['organisations']> {
  const end = new Date(Math.min(range.end.getTime(), now.getTime()))
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [
        { kind: { equals: 'kaigi' } },
        { _status: { equals: 'published' } },
        { cancelled: { not_equals: true } },
        ...inRange('startsAt', { start: range.start, end }),
      ],
    },
    select: { startsAt: true, participatingOrganisations: true },
    sort: 'startsAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const firstMeeting = new Map<string, string>()
  for (const e of docs) for (const o of e.participatingOrganisations ?? []) if (!firstMeeting.has(idOf(o))) firstMeeting.set(idOf(o), e.startsAt)
  const result = { ...emptyBreakdown(), names: [] as string[] }
  if (!firstMeeting.size) return result
  const orgs = await payload.find({
    collection: 'organisations',
    where: { id: { in: [...firstMeeting.keys()] } },
    select: { name: true, reading: true, town: true },
    sort: 'reading',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const org of orgs.docs) {
    result.total += 1
    result.byMonth[fiscalMonthIndex(firstMeeting.get(idOf(org.id))!)] += 1
    result.byTown[townKey(org.town)] += 1
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

export async function computeKpis(payload: Payload, fiscalYear: number, now = new Date()): Promise<KpiReport> {
  const { start, end } = fiscalYearRange(fiscalYear)
  const range = { start, end }
  const notWithdrawn: Where = { status: { not_equals: 'withdrawn' } }

  const [targets, current, previous, byTownShares, citizens, participants, plansPublished, plansRealised, organisations, connections, storiesPublished, cheers, eventAttendance, heldEvents] =
    await Promise.all([
      kpiTargets(payload, fiscalYear),
      surveyShare(payload, fiscalYear),
      surveyShare(payload, fiscalYear - 1),
      Promise.all(TOWNS.map((t) => surveyShare(payload, fiscalYear, t))),
      breakdownOf(payload, 'citizens', 'citizenSince', range, { where: [{ status: { in: ['registered', 'paused'] } }] }),
      breakdownOf(payload, 'participants', 'firstSeenAt', range),
      breakdownOf(payload, 'plans', 'lifecycle.publishedAt', range, { where: [notWithdrawn] }),
      breakdownOf(payload, 'plans', 'lifecycle.realisedAt', range, { where: [{ status: { equals: 'realised' } }] }),
      meetingOrganisations(payload, range, now),
      breakdownOf(payload, 'connections', 'connectedAt', range),
      breakdownOf(payload, 'stories', 'publishedAt', range, { where: [{ _status: { equals: 'published' } }] }),
      monthlyCounts(payload, 'cheers', 'createdAt', range),
      breakdownOf(payload, 'events', 'startsAt', range, {
        where: [{ _status: { equals: 'published' } }, { cancelled: { not_equals: true } }, { attendance: { exists: true } }],
        weightField: 'attendance',
      }),
      payload.count({
        collection: 'events',
        where: { and: [...inRange('startsAt', range), { _status: { equals: 'published' } }, { cancelled: { not_equals: true } }, { startsAt: { less_than: now.toISOString() } }] },
        overrideAccess: true,
      }),
    ])

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
      byTown: Object.fromEntries(TOWNS.map((t, i) => [t, byTownShares[i]])) as Record<Town, SurveyShare>,
    },
    citizens,
    participants,
    plansPublished,
    plansRealised,
    organisations,
    connections,
    storiesPublished,
    cheers,
    eventAttendance: { ...eventAttendance, events: heldEvents.totalDocs },
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
