import type { Payload } from 'payload'

import { TALLIES_TAG, tallyTag } from '../lib/cacheProtocol'
import { invalidateSite } from '../lib/siteInvalidation'
import { bucketsOfYear, isBucketKey, metricOfBucket, readStoredTallies, recountBucket, type TallyRows } from './tallyStore'

/**
 * When tallies are recounted. A change to a counted document marks the buckets it was and is in as dirty
 * (cms/hooks/markKpiTallies.ts, cms/lib/cheerIntake.ts); a short while later they are counted again. A recount that
 * began after a change committed has seen it, and the last change to a bucket always schedules such a recount, so the
 * newest row is right once recounts settle (writes in the site and the admin process alike).
 *
 * Where: the admin process counts its own marks. A site process started by `npm start` or `npm run dev`
 * (scripts/serve.mjs sets ESUKO_TALLY_RECOUNT=jobs there) hands its marks to the admin process instead, as one job on
 * the `tallies` queue per burst, which the admin runs every second. A recount is a handful of synchronous SQLite
 * statements: at scale 10 one month's cheers count holds a process 10–37 ms, and a site process that counted after
 * every cheer batch made the readers of a cheer storm wait behind it. A job also outlives a site process that dies
 * before its recount. A process on its own (tests, scripts, site processes with no admin) counts its own marks.
 *
 * `recountTallies` counts whole years again: the nightly job does so for this year and the last (the safety net
 * for writes that bypass Payload, e.g. a restore), and so does `npm run kpi:recount`.
 */

// Long enough for a burst of writes (a cheer flood, a bulk edit) to share one recount, short enough that the
// public pages show a change within a second or two.
const RECOUNT_AFTER_MS = 300
// A site process hands its marks over at most once a second: each hand-over is a job row committed on the site's own
// connection (synchronous=FULL: the event loop waits for the disk), and the admin process runs the queue once a second
// anyway. In a cheer storm three commits a second held the readers of a busy site process behind the disk.
const HAND_OVER_AFTER_MS = 1_000

/** The jobs queue and task the admin process recounts handed-over buckets with (cms/jobs/tasks.ts). */
export const TALLY_QUEUE = 'tallies'
export const RECOUNT_BUCKETS_TASK = 'recountKpiBuckets'

/** True in a process that hands its recounts to the admin process's jobs queue. */
export const handsOverRecounts = (): boolean => process.env.ESUKO_TALLY_RECOUNT === 'jobs' && process.env.ESUKO_JOBS !== '1'

/** What a recount of these buckets drops on the site: every tally read, and the reads of their metrics. */
export const tallyTagsOf = (keys: string[]): string[] => [TALLIES_TAG, ...new Set(keys.map((key) => tallyTag(metricOfBucket(key))))]

type Queue = { dirty: Set<string>; timer: ReturnType<typeof setTimeout> | null; running: Promise<void> | null }
const queues = new WeakMap<Payload, Queue>()
const queueOf = (payload: Payload): Queue => {
  let q = queues.get(payload)
  if (!q) queues.set(payload, (q = { dirty: new Set(), timer: null, running: null }))
  return q
}

async function recountHere(payload: Payload, keys: string[]): Promise<void> {
  for (const key of keys) {
    try {
      await recountBucket(payload, key, false)
    } catch (error) {
      // Left for the next change or the nightly recount; the reader counts a missing bucket itself.
      payload.logger.error({ err: error, msg: `KPI tally ${key}: recount failed` })
    }
  }
  invalidateSite(tallyTagsOf(keys))
}

async function handOver(payload: Payload, keys: string[]): Promise<void> {
  try {
    await payload.jobs.queue({ task: RECOUNT_BUCKETS_TASK, input: { keys }, queue: TALLY_QUEUE })
  } catch (error) {
    // The marks must not be lost: counted here after all.
    payload.logger.error({ err: error, msg: `KPI tallies: could not queue a recount of ${keys.length} buckets; counted here` })
    await recountHere(payload, keys)
  }
}

function start(payload: Payload, q: Queue): Promise<void> {
  if (q.timer) clearTimeout(q.timer)
  q.timer = null
  q.running ??= (async () => {
    while (q.dirty.size) {
      const keys = [...q.dirty]
      q.dirty.clear()
      await (handsOverRecounts() ? handOver(payload, keys) : recountHere(payload, keys))
    }
  })().finally(() => {
    q.running = null
  })
  return q.running
}

/** Marks buckets for a recount in a moment (called from the afterChange/afterDelete hooks and the cheer intake). */
export function markTallies(payload: Payload, keys: string[]): void {
  if (!keys.length) return
  const q = queueOf(payload)
  for (const key of keys) q.dirty.add(key)
  if (!q.timer && !q.running)
    q.timer = setTimeout(() => void start(payload, q), handsOverRecounts() ? HAND_OVER_AFTER_MS : RECOUNT_AFTER_MS)
}

/** Runs this process's pending recounts (or hands them over) now, and waits for that. */
export async function flushTallies(payload: Payload): Promise<void> {
  const q = queueOf(payload)
  while (q.dirty.size || q.running) await start(payload, q)
}

/**
 * The newest row of each bucket of these years (of these metrics only, when given), after this process's pending
 * recounts. A process that hands its recounts over does not wait for the admin's: it reads the rows as they are.
 */
export async function readTallies(payload: Payload, years: number[], metrics?: string[]): Promise<TallyRows> {
  await flushTallies(payload)
  return readStoredTallies(payload, years, metrics)
}

/** The jobs task: counts handed-over buckets (with this process's own marks, so jobs of one run share a recount). */
export async function recountHandedOver(payload: Payload, keys: unknown): Promise<number> {
  const valid = Array.isArray(keys) ? [...new Set(keys.filter(isBucketKey))] : []
  // Never handed over again (a test running the queue in a process that hands over).
  if (handsOverRecounts()) {
    await recountHere(payload, valid)
    return valid.length
  }
  const q = queueOf(payload)
  for (const key of valid) q.dirty.add(key)
  await flushTallies(payload)
  return valid.length
}

/** Counts every bucket of the years again (nightly job, `npm run kpi:recount`, after a restore). */
export async function recountTallies(payload: Payload, years: number[]): Promise<number> {
  const keys = years.flatMap(bucketsOfYear)
  for (const key of keys) await recountBucket(payload, key)
  invalidateSite(tallyTagsOf(keys))
  return keys.length
}
