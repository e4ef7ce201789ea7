import type { Payload } from 'payload'

import { mongoCheers } from '../db/cheers/mongo'
import { sqliteCheers } from '../db/cheers/sqlite'
import type { CheerOutcome, CheerRow, CheerStore } from '../db/cheers/store'
import { markTallies } from '../kpi/recountQueue'
import { bucketsOfDoc } from '../kpi/tallyStore'
import { CHEERS_TAG, cheerCountTag } from './cacheProtocol'
import { cheerTargetData } from './cheerTarget'
import { invalidateSite } from './siteInvalidation'

export type { CheerOutcome, CheerRow } from '../db/cheers/store'

/**
 * Residents' cheers, stored with a group commit: the cheers that arrive while one batch is being written wait and
 * go together in the next (cms/db/cheers/). A cheer is answered only once its batch has committed, so "accepted"
 * still means stored, exactly once (the dedupe key is unique), and a refused repeat or a client over its limit
 * still gets its answer.
 *
 * The site's cheer action is the only caller (a resident's cheer, access decided there: a public target, a form
 * token, the client's hash). Staff editing cheers go through the Local API and the collection's hooks as before;
 * for a raw batch this module does what those hooks do: drop the targets' cached counts and mark the KPI tallies.
 */

// Enough for a storm's backlog in one commit; small enough that one batch never holds the event loop for long.
const MAX_BATCH = 200

type Waiting = { row: CheerRow; settle: (outcome: CheerOutcome) => void }
type Queue = { store: CheerStore; waiting: Waiting[]; draining: boolean }
const queues = new WeakMap<Payload, Queue>()

function queueOf(payload: Payload): Queue {
  let q = queues.get(payload)
  if (!q) {
    const store = payload.db.name === 'sqlite' ? sqliteCheers(payload) : payload.db.name === 'mongoose' ? mongoCheers(payload) : null
    if (!store) throw new Error(`cheer intake: database adapter ${payload.db.name} is not supported`)
    queues.set(payload, (q = { store, waiting: [], draining: false }))
  }
  return q
}

/** Stores one resident's cheer with the others arriving now; resolves once it is committed (or refused). */
export function storeCheer(payload: Payload, row: CheerRow): Promise<CheerOutcome> {
  const q = queueOf(payload)
  const outcome = new Promise<CheerOutcome>((settle) => q.waiting.push({ row, settle }))
  if (!q.draining) {
    q.draining = true
    // After the requests already read from the sockets have queued theirs: they share this commit.
    setImmediate(() => void drain(payload, q))
  }
  return outcome
}

async function drain(payload: Payload, q: Queue): Promise<void> {
  try {
    while (q.waiting.length) {
      const batch = q.waiting.splice(0, MAX_BATCH)
      const rows = batch.map((w) => w.row)
      const outcomes = await writeBatch(q.store, rows)
      try {
        if (!q.store.hooksRan) afterStored(payload, rows, outcomes)
      } catch (error) {
        // The cheers are stored; a missed invalidation is covered by the caches' TTL, a missed tally by the nightly recount.
        payload.logger.error({ err: error, msg: 'cheer intake: invalidation or tally marking failed' })
      }
      batch.forEach((w, i) => w.settle(outcomes[i]))
    }
  } finally {
    q.draining = false
  }
}

/** The batch in one commit; when that fails as a whole (a target deleted meanwhile), each cheer alone. */
async function writeBatch(store: CheerStore, rows: CheerRow[]): Promise<CheerOutcome[]> {
  const now = new Date()
  try {
    return await store.write(rows, now)
  } catch (error) {
    if (rows.length === 1) return [{ result: 'error', error }]
    const outcomes: CheerOutcome[] = []
    for (const row of rows) outcomes.push(...(await writeBatch(store, [row])))
    return outcomes
  }
}

/** What the collection's afterChange hooks do for a created cheer, once for the batch. */
function afterStored(payload: Payload, rows: CheerRow[], outcomes: CheerOutcome[]): void {
  const tags = new Set<string>()
  const buckets = new Set<string>()
  rows.forEach((row, i) => {
    const outcome = outcomes[i]
    if (outcome.result !== 'stored') return
    // Its count only: the message, if any, waits for an editor (whose change drops the target's cheerTag too).
    tags.add(cheerCountTag(row.type, row.id))
    const doc = { ...cheerTargetData(row.type, row.id), ...outcome.doc, messageStatus: row.messageStatus }
    for (const key of bucketsOfDoc('cheers', doc)) buckets.add(key)
  })
  if (!tags.size) return
  invalidateSite([...tags, CHEERS_TAG])
  markTallies(payload, [...buckets])
}
