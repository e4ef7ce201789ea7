import type { Payload } from 'payload'

import { invalidateSite } from '../lib/siteInvalidation'
import { bucketsOfYear, readStoredTallies, recountBucket, TALLIES_SLUG, type TallyRows } from './tallyStore'

/**
 * When tallies are recounted. A change to a counted document marks the buckets it was and is in as dirty
 * (cms/hooks/markKpiTallies.ts); a short while later this process counts those buckets again. A recount that
 * began after a change committed has seen it, and the last change to a bucket always schedules such a recount,
 * so the newest row is right once recounts settle (writes in the site and the admin process alike).
 *
 * `recountTallies` counts whole years again: the nightly job does so for this year and the last (the safety net
 * for writes that bypass Payload, e.g. a restore), and so does `npm run kpi:recount`.
 */

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
          await recountBucket(payload, key, false)
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

/** The newest row of each bucket of these years, after this process's pending recounts. */
export async function readTallies(payload: Payload, years: number[]): Promise<TallyRows> {
  await flushTallies(payload)
  return readStoredTallies(payload, years)
}

/** Counts every bucket of the years again (nightly job, `npm run kpi:recount`, after a restore). */
export async function recountTallies(payload: Payload, years: number[]): Promise<number> {
  const keys = years.flatMap(bucketsOfYear)
  for (const key of keys) await recountBucket(payload, key)
  invalidateSite([TALLIES_SLUG])
  return keys.length
}
