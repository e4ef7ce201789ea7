import type { CollectionSlug, Payload, Where } from 'payload'

import { TOWNS, type Town } from '../fields/options'
import { invalidateSite } from '../hooks/invalidateSite'
import { FIRST_FISCAL_YEAR, fiscalMonthIndex, fiscalMonthRange, fiscalYearOf, fiscalYearRange } from '../domain/fiscalYear'

/**
 * Maintained KPI counts ("tallies"), so reading a year's KPIs costs the same with ten times the data.
 *
 * The year is cut into buckets — one per metric and fiscal month, plus one per year for the survey and for
 * the 共助会議 — and each bucket is counted from the data (Local API, counts and selected fields only). A change
 * to a counted document marks the buckets it was and is in as dirty (cms/hooks/markKpiTallies.ts); a short
 * while later this process counts those buckets again. Counts are never incremented, only recounted, so a lost
 * update cannot happen: every recount is stored as a new row stamped with the instant its reads began, and
 * readers take the newest row of each bucket. A recount that began after a change committed has seen it, and
 * the last change to a bucket always schedules such a recount, so the newest row is right once recounts settle
 * (writes in the site and the admin process alike). Older rows of a bucket are removed after each recount.
 *
 * A bucket with no row yet (a new year, a fresh database) is counted when first read. `recountTallies` counts
 * a whole year again: the nightly job does so for this year and the last (the safety net for writes that
 * bypass Payload, e.g. a restore), and so does `npm run kpi:recount`.
 */

export const TALLIES_SLUG = 'kpi-tallies' as const

export type TownKey = Town | 'unknown'
export type MonthCell = { total: number; byTown: Record<TownKey, number>; byTheme?: Record<string, number> }
export type SurveyCell = { respondents: number; positive: number; byTown: Record<Town, { respondents: number; positive: number }> }
/**
 * Per organisation (that still exists), the start of its first published, uncancelled 共助会議 in the year (future
 * ones included: time decides at read which have been held), with its name, reading and town as last counted.
 */
export type MeetingOrganisation = { at: string; name: string; reading: string; town: TownKey }
export type MeetingsCell = { first: Record<string, MeetingOrganisation> }

export type MonthlyMetric =
  | 'citizens'
  | 'participants'
  | 'plansPublished'
  | 'plansRealised'
  | 'connections'
  | 'storiesPublished'
  | 'cheers'
  | 'eventAttendance'

type MonthlyDef = {
  collection: CollectionSlug
  dateField: string
  where?: Where[]
  /** false: count only (high-volume collections with no town). */
  town?: false
  weightField?: string
  themes?: true
}

export const MONTHLY: Record<MonthlyMetric, MonthlyDef> = {
  citizens: { collection: 'citizens', dateField: 'citizenSince', where: [{ status: { in: ['registered', 'paused'] } }] },
  participants: { collection: 'participants', dateField: 'firstSeenAt' },
  plansPublished: { collection: 'plans', dateField: 'lifecycle.publishedAt', where: [{ status: { not_equals: 'withdrawn' } }], themes: true },
  plansRealised: { collection: 'plans', dateField: 'lifecycle.realisedAt', where: [{ status: { equals: 'realised' } }], themes: true },
  connections: { collection: 'connections', dateField: 'connectedAt' },
  storiesPublished: { collection: 'stories', dateField: 'publishedAt', where: [{ _status: { equals: 'published' } }], themes: true },
  cheers: { collection: 'cheers', dateField: 'createdAt', town: false },
  eventAttendance: {
    collection: 'events',
    dateField: 'startsAt',
    where: [{ _status: { equals: 'published' } }, { cancelled: { not_equals: true } }, { attendance: { exists: true } }],
    weightField: 'attendance',
  },
}
const MONTHLY_METRICS = Object.keys(MONTHLY) as MonthlyMetric[]

const inRange = (field: string, range: { start: Date; end: Date }): Where[] => [
  { [field]: { greater_than_equal: range.start.toISOString() } },
  { [field]: { less_than: range.end.toISOString() } },
]

const emptyTowns = (): Record<TownKey, number> => Object.fromEntries([...TOWNS, 'unknown'].map((t) => [t, 0])) as Record<TownKey, number>
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

const idOf = (value: unknown): string => String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

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

/** The buckets a document of this collection counts in (for a hook: call with the new and the old version). */
export function bucketsOfDoc(collection: string, doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return []
  const keys: string[] = []
  for (const metric of MONTHLY_METRICS) {
    const def = MONTHLY[metric]
    if (def.collection !== collection) continue
    const at = get(doc, def.dateField)
    if (typeof at === 'string' && at) keys.push(monthKey(metric, fiscalYearOf(new Date(at)), fiscalMonthIndex(at)))
  }
  if (collection === 'survey-responses') {
    const fy = get(doc, 'fiscalYear')
    if (typeof fy === 'number') keys.push(surveyKey(fy))
  }
  if (collection === 'events' && get(doc, 'kind') === 'kaigi') {
    const at = get(doc, 'startsAt')
    if (typeof at === 'string' && at) keys.push(meetingsKey(fiscalYearOf(new Date(at))))
  }
  // The meeting tallies keep organisations' names and towns: a renamed, moved or removed organisation is recounted.
  if (collection === 'organisations') keys.push(...programmeYears().map(meetingsKey))
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
    if (cell.byTheme) for (const theme of new Set((get(doc, 'themes') as string[] | null | undefined) ?? [])) cell.byTheme[theme] = (cell.byTheme[theme] ?? 0) + 1
  }
  return cell
}

const POSITIVE: Where = { answer: { in: ['4', '5'] } }

async function countSurvey(payload: Payload, fy: number): Promise<SurveyCell> {
  const count = async (extra: Where[]) =>
    (await payload.count({ collection: 'survey-responses', where: { and: [{ fiscalYear: { equals: fy } }, ...extra] }, overrideAccess: true })).totalDocs
  const share = async (town?: Town) => {
    const base = town ? [{ town: { equals: town } }] : []
    const [respondents, positive] = await Promise.all([count(base), count([...base, POSITIVE])])
    return { respondents, positive }
  }
  const [all, ...towns] = await Promise.all([share(), ...TOWNS.map((t) => share(t))])
  return { ...all, byTown: Object.fromEntries(TOWNS.map((t, i) => [t, towns[i]])) as SurveyCell['byTown'] }
}

async function countMeetings(payload: Payload, fy: number): Promise<MeetingsCell> {
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      and: [{ kind: { equals: 'kaigi' } }, { _status: { equals: 'published' } }, { cancelled: { not_equals: true } }, ...inRange('startsAt', fiscalYearRange(fy))],
    },
    select: { startsAt: true, participatingOrganisations: true },
    sort: 'startsAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const firstAt = new Map<string, string>()
  for (const e of docs) for (const o of e.participatingOrganisations ?? []) if (!firstAt.has(idOf(o))) firstAt.set(idOf(o), e.startsAt)
  const first: MeetingsCell['first'] = {}
  if (!firstAt.size) return { first }
  const orgs = await payload.find({
    collection: 'organisations',
    where: { id: { in: [...firstAt.keys()] } },
    select: { name: true, reading: true, town: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const org of orgs.docs) first[String(org.id)] = { at: firstAt.get(String(org.id))!, name: org.name, reading: org.reading ?? '', town: townKey(org.town) }
  return { first }
}

export type TallyRow = { countedAt: number; data: MonthCell | SurveyCell | MeetingsCell }

// Older rows are harmless (readers take the newest), so a bucket recounted many times a second — a cheer flood —
// is pruned at most this often; the nightly recount prunes every bucket.
const PRUNE_EVERY_MS = 10_000
const lastPruned = new Map<string, number>()

/** Counts one bucket from the data and stores the result as its newest row. */
async function recount(payload: Payload, key: string, prune = true): Promise<TallyRow> {
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

// ---------------------------------------------------------------------------------------------------
// The recount queue of this process

// Long enough for a burst of writes (a cheer flood, a bulk edit) to share one recount, short enough that the
// public pages show a change within a second.
const RECOUNT_AFTER_MS = 300

type Queue = { dirty: Set<string>; timer: ReturnType<typeof setTimeout> | null; running: Promise<void> | null }
const queues = new WeakMap<Payload, Queue>()
const queueOf = (payload: Payload): Queue => {
  let q = queues.get(payload)
  if (!q) queues.set(payload, (q = { dirty: new Set(), timer: null, running: null }))
  return q
}

function start(payload: Payload, q: Queue): Promise<void> {
  if (q.timer) clearTimeout(q.timer)
  q.timer = null
  q.running ??= (async () => {
    while (q.dirty.size) {
      const keys = [...q.dirty]
      q.dirty.clear()
      for (const key of keys) {
        try {
          await recount(payload, key, false)
        } catch (error) {
          // Left for the next change or the nightly recount; the reader counts a missing bucket itself.
          payload.logger.error({ err: error, msg: `KPI tally ${key}: recount failed` })
        }
      }
      invalidateSite([TALLIES_SLUG])
    }
  })().finally(() => {
    q.running = null
  })
  return q.running
}

/** Marks buckets for a recount in a moment (called from the afterChange/afterDelete hooks). */
export function markTallies(payload: Payload, keys: string[]): void {
  if (!keys.length) return
  const q = queueOf(payload)
  for (const key of keys) q.dirty.add(key)
  if (!q.timer && !q.running) q.timer = setTimeout(() => void start(payload, q), RECOUNT_AFTER_MS)
}

/** Runs this process's pending recounts now and waits for them. */
export async function flushTallies(payload: Payload): Promise<void> {
  const q = queueOf(payload)
  while (q.dirty.size || q.running) await start(payload, q)
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** The newest row of each bucket of these years; buckets with no row yet are counted now. */
export async function readTallies(payload: Payload, years: number[]): Promise<Map<string, TallyRow>> {
  await flushTallies(payload)
  const { docs } = await payload.find({
    collection: TALLIES_SLUG,
    where: { fiscalYear: { in: years } },
    select: { bucket: true, countedAt: true, data: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const rows = new Map<string, TallyRow>()
  for (const doc of docs as unknown as { bucket: string; countedAt: number; data: TallyRow['data'] }[]) {
    const seen = rows.get(doc.bucket)
    if (!seen || doc.countedAt > seen.countedAt) rows.set(doc.bucket, { countedAt: doc.countedAt, data: doc.data })
  }
  const missing = years.flatMap(bucketsOfYear).filter((key) => !rows.has(key))
  for (const key of missing) rows.set(key, await recount(payload, key))
  return rows
}

/** Counts every bucket of the years again (nightly job, `npm run kpi:recount`, after a restore). */
export async function recountTallies(payload: Payload, years: number[]): Promise<number> {
  const keys = years.flatMap(bucketsOfYear)
  for (const key of keys) await recount(payload, key)
  invalidateSite([TALLIES_SLUG])
  return keys.length
}

/** The years the programme has data for: from 令和7年度 to the current one. */
export const programmeYears = (now = new Date()): number[] => {
  const years: number[] = []
  for (let fy = FIRST_FISCAL_YEAR; fy <= fiscalYearOf(now); fy++) years.push(fy)
  return years
}

// ---------------------------------------------------------------------------------------------------
// Assembling

export type Breakdown = { total: number; byMonth: number[]; byTown: Record<TownKey, number> }

export const emptyBreakdown = (): Breakdown => ({ total: 0, byMonth: Array(12).fill(0), byTown: emptyTowns() })

export function monthlyBreakdown(rows: Map<string, TallyRow>, metric: MonthlyMetric, fy: number): Breakdown {
  const result = emptyBreakdown()
  for (let month = 0; month < 12; month++) {
    const cell = rows.get(monthKey(metric, fy, month))?.data as MonthCell | undefined
    if (!cell) continue
    result.total += cell.total
    result.byMonth[month] = cell.total
    for (const [town, n] of Object.entries(cell.byTown)) result.byTown[town as TownKey] = (result.byTown[town as TownKey] ?? 0) + n
  }
  return result
}

export function themeTotals(rows: Map<string, TallyRow>, metric: MonthlyMetric, fy: number): Map<string, number> {
  const totals = new Map<string, number>()
  for (let month = 0; month < 12; month++) {
    const cell = rows.get(monthKey(metric, fy, month))?.data as MonthCell | undefined
    for (const [theme, n] of Object.entries(cell?.byTheme ?? {})) totals.set(theme, (totals.get(theme) ?? 0) + n)
  }
  return totals
}

export const surveyCell = (rows: Map<string, TallyRow>, fy: number): SurveyCell | undefined => rows.get(surveyKey(fy))?.data as SurveyCell | undefined

/** Organisations whose first meeting of the year began before `now`, by id. */
export function meetingsHeld(rows: Map<string, TallyRow>, fy: number, now: Date): Map<string, MeetingOrganisation> {
  const cell = rows.get(meetingsKey(fy))?.data as MeetingsCell | undefined
  const held = new Map<string, MeetingOrganisation>()
  for (const [id, org] of Object.entries(cell?.first ?? {})) if (new Date(org.at).getTime() < now.getTime()) held.set(id, org)
  return held
}
