import type { Payload, Where } from 'payload'

import { availableFiscalYears, fiscalMonthIndex, fiscalMonthRange, fiscalYearOf, fiscalYearRange } from '../domain/fiscalYear'
import { idOf } from '../domain/ids'
import { type Town, TOWNS } from '../domain/options'
import { MEETINGS, MONTHLY, MONTHLY_METRICS, type MonthlyMetric, SURVEY, TOWN_COLUMNS, type TownKey } from './catalogue'

/**
 * The tally store: maintained KPI counts, so reading a year's KPIs costs the same with ten times the data.
 *
 * The year is cut into the catalogue's buckets and each bucket is counted from the data (Local API, counts and
 * selected fields only, so it runs the same on SQLite and MongoDB). Counts are never incremented, only
 * recounted, so a lost update cannot happen: every recount is stored as a new row of the `kpi-tallies`
 * collection stamped with the instant its reads began, and readers take the newest row of each bucket. Older
 * rows of a bucket are removed after a recount. When buckets are recounted is recountQueue.ts's business.
 */

export const TALLIES_SLUG = 'kpi-tallies' as const

export type MonthCell = { total: number; byTown: Record<TownKey, number>; byTheme?: Record<string, number> }
export type SurveyCell = { respondents: number; positive: number; byTown: Record<Town, { respondents: number; positive: number }> }
/**
 * Per organisation (that still exists), the start of its first published, uncancelled 共助会議 in the year (future
 * ones included: time decides at read which have been held), with its name, reading and town as last counted.
 */
export type MeetingOrganisation = { at: string; name: string; reading: string; town: TownKey }
export type MeetingsCell = { first: Record<string, MeetingOrganisation> }

export type TallyRow = { countedAt: number; data: MonthCell | SurveyCell | MeetingsCell }
/** The newest row of each bucket, by bucket key. */
export type TallyRows = Map<string, TallyRow>

const inRange = (field: string, range: { start: Date; end: Date }): Where[] => [
  { [field]: { greater_than_equal: range.start.toISOString() } },
  { [field]: { less_than: range.end.toISOString() } },
]

export const emptyTowns = (): Record<TownKey, number> => Object.fromEntries(TOWN_COLUMNS.map((t) => [t, 0])) as Record<TownKey, number>
const townKey = (town: unknown): TownKey => ((TOWNS as readonly unknown[]).includes(town) ? (town as Town) : 'unknown')

const get = (doc: unknown, path: string): unknown =>
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

/** The years the programme has data for, oldest first: from 令和7年度 to the current one. */
export const programmeYears = (now = new Date()): number[] => availableFiscalYears(now).reverse()

// ---------------------------------------------------------------------------------------------------
// Buckets

export const monthKey = (metric: MonthlyMetric, fy: number, month: number) => `${metric}:${fy}:${month}`
export const surveyKey = (fy: number) => `survey:${fy}`
export const meetingsKey = (fy: number) => `meetings:${fy}`

/** Every bucket of a fiscal year. */
export const bucketsOfYear = (fy: number): string[] => [
  ...MONTHLY_METRICS.flatMap((m) => Array.from({ length: 12 }, (_, i) => monthKey(m, fy, i))),
  surveyKey(fy),
  meetingsKey(fy),
]

type Bucket = { key: string; metric: string; fiscalYear: number; month: number | null }
function parseKey(key: string): Bucket {
  const [metric, fy, month] = key.split(':')
  return { key, metric, fiscalYear: Number(fy), month: month === undefined ? null : Number(month) }
}

/** A bucket key of a real metric and year (job input is data: checked before it is counted). */
export function isBucketKey(key: unknown): key is string {
  if (typeof key !== 'string' || !/^[A-Za-z]+:\d{4}(:\d{1,2})?$/.test(key)) return false
  const { metric, month } = parseKey(key)
  if (metric === 'survey' || metric === 'meetings') return month === null
  return (MONTHLY_METRICS as readonly string[]).includes(metric) && month !== null && month >= 0 && month < 12
}

/** The metric a bucket counts (`cheers`, `meetings`, `survey`, …). */
export const metricOfBucket = (key: string): string => parseKey(key).metric

/**
 * The buckets a document of this collection counts in, whatever the filters say (for a hook: call with the new
 * and the old version, so a status or date change touches the buckets it left and the ones it entered).
 */
export function bucketsOfDoc(collection: string, doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return []
  const keys: string[] = []
  for (const metric of MONTHLY_METRICS) {
    const def = MONTHLY[metric]
    if (def.collection !== collection) continue
    const at = get(doc, def.dateField)
    if (typeof at === 'string' && at) keys.push(monthKey(metric, fiscalYearOf(new Date(at)), fiscalMonthIndex(at)))
  }
  if (collection === SURVEY.supplementary.collection) {
    const fy = get(doc, SURVEY.supplementary.yearField)
    if (typeof fy === 'number') keys.push(surveyKey(fy))
  }
  if (collection === MEETINGS.collection && get(doc, 'kind') === MEETINGS.kind) {
    const at = get(doc, MEETINGS.dateField)
    if (typeof at === 'string' && at) keys.push(meetingsKey(fiscalYearOf(new Date(at))))
  }
  // The meeting tallies keep organisations' names and towns: a renamed, moved or removed organisation is recounted.
  if (collection === MEETINGS.organisations) keys.push(...programmeYears().map(meetingsKey))
  // A registration names its organisation but not its meeting's date: one with an organisation recounts every year.
  if (collection === MEETINGS.registrations && get(doc, MEETINGS.registrationOrganisationField))
    keys.push(...programmeYears().map(meetingsKey))
  return keys
}

// ---------------------------------------------------------------------------------------------------
// Counting one bucket

async function countMonth(payload: Payload, metric: MonthlyMetric, fy: number, month: number): Promise<MonthCell> {
  const def = MONTHLY[metric]
  const where: Where = { and: [...inRange(def.dateField, fiscalMonthRange(fy, month)), ...(def.where ?? [])] }
  const byTown = emptyTowns()
  if (def.town === false) {
    const { totalDocs } = await payload.count({ collection: def.collection, where, overrideAccess: true })
    byTown.unknown = totalDocs
    return { total: totalDocs, byTown }
  }
  const paths = [def.dateField, 'town', ...(def.weightField ? [def.weightField] : []), ...(def.themes ? ['themes'] : [])]
  const { docs } = await payload.find({
    collection: def.collection,
    where,
    select: selectOf(paths) as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const cell: MonthCell = { total: 0, byTown, ...(def.themes ? { byTheme: {} } : {}) }
  for (const doc of docs) {
    const weight = def.weightField ? Number(get(doc, def.weightField) ?? 0) : 1
    cell.total += weight
    byTown[townKey(get(doc, 'town'))] += weight
    if (cell.byTheme)
      for (const theme of new Set((get(doc, 'themes') as string[] | null | undefined) ?? []))
        cell.byTheme[theme] = (cell.byTheme[theme] ?? 0) + 1
  }
  return cell
}

/** The portal survey's counted answers of a year (the supplementary indicator; KPI 1 itself is not tallied). */
async function countSurvey(payload: Payload, fy: number): Promise<SurveyCell> {
  const def = SURVEY.supplementary
  const count = async (extra: Where[]) =>
    (
      await payload.count({
        collection: def.collection,
        where: { and: [{ [def.yearField]: { equals: fy } }, ...def.where(), ...extra] },
        overrideAccess: true,
      })
    ).totalDocs
  const share = async (town?: Town) => {
    const base = town ? [{ town: { equals: town } }] : []
    const [respondents, positive] = await Promise.all([count(base), count([...base, { answer: { in: def.positiveAnswers } }])])
    return { respondents, positive }
  }
  const [all, ...towns] = await Promise.all([share(), ...TOWNS.map((t) => share(t))])
  return { ...all, byTown: Object.fromEntries(TOWNS.map((t, i) => [t, towns[i]])) as SurveyCell['byTown'] }
}

async function countMeetings(payload: Payload, fy: number): Promise<MeetingsCell> {
  const { docs } = await payload.find({
    collection: MEETINGS.collection,
    where: { and: [...MEETINGS.where(), ...inRange(MEETINGS.dateField, fiscalYearRange(fy))] },
    select: { [MEETINGS.dateField]: true, [MEETINGS.organisationsField]: true },
    sort: MEETINGS.dateField,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  // The organisations of attended registrations, by meeting.
  const attended = new Map<string, unknown[]>()
  if (docs.length) {
    const { docs: registrations } = await payload.find({
      collection: MEETINGS.registrations,
      where: { and: [{ event: { in: docs.map((e) => e.id) } }, ...MEETINGS.registrationWhere()] },
      select: { event: true, [MEETINGS.registrationOrganisationField]: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const r of registrations) {
      const key = String(idOf(r.event))
      attended.set(key, [...(attended.get(key) ?? []), get(r, MEETINGS.registrationOrganisationField)])
    }
  }
  const firstAt = new Map<string, string>()
  for (const e of docs) {
    const listed = (get(e, MEETINGS.organisationsField) as unknown[] | null | undefined) ?? []
    for (const o of [...listed, ...(attended.get(String(e.id)) ?? [])]) {
      const id = String(idOf(o))
      if (!firstAt.has(id)) firstAt.set(id, get(e, MEETINGS.dateField) as string)
    }
  }
  const first: MeetingsCell['first'] = {}
  if (!firstAt.size) return { first }
  const orgs = await payload.find({
    collection: MEETINGS.organisations,
    where: { id: { in: [...firstAt.keys()] } },
    select: { name: true, reading: true, town: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const org of orgs.docs)
    first[String(org.id)] = { at: firstAt.get(String(org.id))!, name: org.name, reading: org.reading ?? '', town: townKey(org.town) }
  return { first }
}

// ---------------------------------------------------------------------------------------------------
// Storing and reading rows

// Older rows are harmless (readers take the newest), so a bucket recounted many times a second — a cheer flood —
// is pruned at most this often; a full recount prunes every bucket.
const PRUNE_EVERY_MS = 10_000
const lastPruned = new Map<string, number>()

/** Counts one bucket from the data and stores the result as its newest row. `prune: false` prunes at most every 10 s. */
export async function recountBucket(payload: Payload, key: string, prune = true): Promise<TallyRow> {
  const bucket = parseKey(key)
  // Taken before the first read: this row reflects every change committed before this instant.
  const countedAt = Date.now()
  const data =
    bucket.metric === 'survey'
      ? await countSurvey(payload, bucket.fiscalYear)
      : bucket.metric === 'meetings'
        ? await countMeetings(payload, bucket.fiscalYear)
        : await countMonth(payload, bucket.metric as MonthlyMetric, bucket.fiscalYear, bucket.month ?? 0)
  await payload.create({
    collection: TALLIES_SLUG,
    data: { bucket: key, metric: bucket.metric, fiscalYear: bucket.fiscalYear, month: bucket.month, countedAt, data },
    depth: 0,
    overrideAccess: true,
  })
  if (prune || countedAt - (lastPruned.get(key) ?? 0) >= PRUNE_EVERY_MS) {
    lastPruned.set(key, countedAt)
    await payload.delete({
      collection: TALLIES_SLUG,
      where: { and: [{ bucket: { equals: key } }, { countedAt: { less_than: countedAt } }] },
      depth: 0,
      overrideAccess: true,
    })
  }
  return { countedAt, data }
}

/**
 * The newest stored row of each bucket of these years (of these metrics only, when given); a bucket with no row yet
 * (a new year, a fresh database) is counted now. Does not wait for pending recounts: readers use recountQueue.ts's
 * readTallies.
 */
export async function readStoredTallies(payload: Payload, years: number[], metrics?: string[]): Promise<TallyRows> {
  const { docs } = await payload.find({
    collection: TALLIES_SLUG,
    where: { and: [{ fiscalYear: { in: years } }, ...(metrics ? [{ metric: { in: metrics } }] : [])] },
    select: { bucket: true, countedAt: true, data: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const rows: TallyRows = new Map()
  for (const doc of docs as unknown as { bucket: string; countedAt: number; data: TallyRow['data'] }[]) {
    const seen = rows.get(doc.bucket)
    if (!seen || doc.countedAt > seen.countedAt) rows.set(doc.bucket, { countedAt: doc.countedAt, data: doc.data })
  }
  const missing = years.flatMap(bucketsOfYear).filter((key) => !rows.has(key) && (!metrics || metrics.includes(metricOfBucket(key))))
  for (const key of missing) rows.set(key, await recountBucket(payload, key))
  return rows
}

export const monthCell = (rows: TallyRows, metric: MonthlyMetric, fy: number, month: number): MonthCell | undefined =>
  rows.get(monthKey(metric, fy, month))?.data as MonthCell | undefined
export const surveyCell = (rows: TallyRows, fy: number): SurveyCell | undefined => rows.get(surveyKey(fy))?.data as SurveyCell | undefined
export const meetingsCell = (rows: TallyRows, fy: number): MeetingsCell | undefined =>
  rows.get(meetingsKey(fy))?.data as MeetingsCell | undefined
