import type { Payload } from 'payload'

import { mongoCounters } from '../db/counters/mongo'
import { sqliteCounters } from '../db/counters/sqlite'
import type { CounterStore } from '../db/counters/store'

/**
 * Counters shared by every process on one database (collection `shared-counters`): rate-limit windows and
 * seats taken per event. Payload's Local API has no atomic increment, so each change is one atomic operation of
 * the database itself (cms/db/counters/: SQLite statements, MongoDB single-document updates), and two processes
 * racing for the last seat cannot both win.
 */

const stores = new WeakMap<Payload, CounterStore>()
function store(payload: Payload): CounterStore {
  let s = stores.get(payload)
  if (!s) {
    if (payload.db.name === 'sqlite') s = sqliteCounters(payload)
    else if (payload.db.name === 'mongoose') s = mongoCounters(payload)
    else throw new Error(`shared counters: database adapter ${payload.db.name} is not supported`)
    stores.set(payload, s)
  }
  return s
}

/** Adds one to a counter that expires at `expiresAt` (created at 1 when missing); returns the new count. */
export const hitCounter = (payload: Payload, key: string, expiresAt: Date): Promise<number> => store(payload).hit(key, expiresAt)

/**
 * Adds `by` to the counter only when the result stays at or below `max` (no max: always). Returns the new count,
 * or null when refused. The check and the addition are one operation: concurrent claims cannot overshoot. A
 * missing counter is first created at `initial()` (the first claim after a deployment counts what is there).
 */
export async function claimCounter(
  payload: Payload,
  key: string,
  by: number,
  max: number | null,
  initial: () => Promise<number>,
): Promise<number | null> {
  const s = store(payload)
  if (!(await s.exists(key))) await s.create(key, await initial())
  return s.claim(key, by, max ?? Number.MAX_SAFE_INTEGER)
}

/** Adds `by` (may be negative) to a counter that exists; a missing one is left missing (its first claim counts). */
export async function adjustCounter(payload: Payload, key: string, by: number): Promise<void> {
  if (by) await store(payload).adjust(key, by)
}

/** The counter's value, or null when it does not exist. */
export const readCounter = (payload: Payload, key: string): Promise<number | null> => store(payload).read(key)

/** Deletes counters whose time is up; returns how many went. */
export const pruneExpiredCounters = (payload: Payload, now = new Date()): Promise<number> => store(payload).prune(now)
