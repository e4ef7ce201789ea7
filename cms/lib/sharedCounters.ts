import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * Counters shared by every process on one database (collection `shared-counters`): rate-limit windows and
 * seats taken per event. Payload's Local API has no atomic increment, so each change is one atomic statement of
 * the database itself — an upsert / conditional UPDATE … RETURNING on SQLite, findOneAndUpdate with $inc on
 * MongoDB — and two processes racing for the last seat cannot both win.
 */

const SLUG = 'shared-counters'
const TABLE = sql.raw('`shared_counters`')

type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options: object) => { lean: () => Promise<{ count?: number } | null> }
  updateOne: (filter: object, update: object, options?: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<{ deletedCount?: number }>
  findOne: (filter: object) => { lean: () => Promise<{ count?: number } | null> }
}

type SqliteDb = { all: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>; run: (query: ReturnType<typeof sql>) => Promise<{ rowsAffected?: number }> }

const sqlite = (payload: Payload): SqliteDb | null => (payload.db.name === 'sqlite' ? (payload.db as unknown as { drizzle: SqliteDb }).drizzle : null)

function mongo(payload: Payload): MongoModel {
  const model = (payload.db as unknown as { collections?: Record<string, MongoModel> }).collections?.[SLUG]
  if (!model) throw new Error(`shared counters: database adapter ${payload.db.name} is not supported`)
  return model
}

const isDuplicateKey = (error: unknown) => /E11000|duplicate key/i.test(String((error as Error)?.message))

/** Adds one to a counter that expires at `expiresAt` (created at 1 when missing); returns the new count. */
export async function hitCounter(payload: Payload, key: string, expiresAt: Date): Promise<number> {
  const db = sqlite(payload)
  if (db) {
    const [row] = await db.all(sql`INSERT INTO ${TABLE} (\`key\`, \`count\`, \`expires_at\`) VALUES (${key}, 1, ${expiresAt.toISOString()})
      ON CONFLICT(\`key\`) DO UPDATE SET \`count\` = \`count\` + 1 RETURNING \`count\``)
    return Number(row?.count)
  }
  const update = { $inc: { count: 1 }, $setOnInsert: { expiresAt } }
  const run = () => mongo(payload).findOneAndUpdate({ key }, update, { upsert: true, returnDocument: 'after', new: true }).lean()
  // Two first hits at once: one upsert inserts, the other meets the unique index and simply increments.
  const doc = await run().catch((error) => (isDuplicateKey(error) ? run() : Promise.reject(error)))
  return Number(doc?.count)
}

/** Creates the counter with `initial()` unless it exists (the first claim after a deployment counts what is there). */
async function ensureCounter(payload: Payload, key: string, initial: () => Promise<number>): Promise<void> {
  const db = sqlite(payload)
  if (db) {
    const [row] = await db.all(sql`SELECT 1 AS present FROM ${TABLE} WHERE \`key\` = ${key}`)
    if (row) return
    const start = await initial()
    await db.run(sql`INSERT INTO ${TABLE} (\`key\`, \`count\`) VALUES (${key}, ${start}) ON CONFLICT(\`key\`) DO NOTHING`)
    return
  }
  if (await mongo(payload).findOne({ key }).lean()) return
  const start = await initial()
  await mongo(payload)
    .updateOne({ key }, { $setOnInsert: { key, count: start } }, { upsert: true })
    .catch((error) => (isDuplicateKey(error) ? undefined : Promise.reject(error)))
}

/**
 * Adds `by` to the counter only when the result stays at or below `max` (no max: always). Returns the new count,
 * or null when refused. The check and the addition are one statement: concurrent claims cannot overshoot.
 */
export async function claimCounter(payload: Payload, key: string, by: number, max: number | null, initial: () => Promise<number>): Promise<number | null> {
  await ensureCounter(payload, key, initial)
  const limit = max ?? Number.MAX_SAFE_INTEGER
  const db = sqlite(payload)
  if (db) {
    const [row] = await db.all(
      sql`UPDATE ${TABLE} SET \`count\` = \`count\` + ${by} WHERE \`key\` = ${key} AND \`count\` + ${by} <= ${limit} RETURNING \`count\``,
    )
    return row ? Number(row.count) : null
  }
  const doc = await mongo(payload)
    .findOneAndUpdate({ key, count: { $lte: limit - by } }, { $inc: { count: by } }, { returnDocument: 'after', new: true })
    .lean()
  return doc ? Number(doc.count) : null
}

/** Adds `by` (may be negative) to a counter that exists; a missing one is left missing (its first claim counts). */
export async function adjustCounter(payload: Payload, key: string, by: number): Promise<void> {
  if (!by) return
  const db = sqlite(payload)
  if (db) {
    await db.run(sql`UPDATE ${TABLE} SET \`count\` = MAX(0, \`count\` + ${by}) WHERE \`key\` = ${key}`)
    return
  }
  await mongo(payload).updateOne({ key }, { $inc: { count: by } })
}

/** The counter's value, or null when it does not exist. */
export async function readCounter(payload: Payload, key: string): Promise<number | null> {
  const db = sqlite(payload)
  if (db) {
    const [row] = await db.all(sql`SELECT \`count\` FROM ${TABLE} WHERE \`key\` = ${key}`)
    return row ? Number(row.count) : null
  }
  const doc = await mongo(payload).findOne({ key }).lean()
  return doc ? Number(doc.count) : null
}

/** Deletes counters whose time is up; returns how many went. */
export async function pruneExpiredCounters(payload: Payload, now = new Date()): Promise<number> {
  const db = sqlite(payload)
  if (db) {
    const result = await db.run(sql`DELETE FROM ${TABLE} WHERE \`expires_at\` IS NOT NULL AND \`expires_at\` < ${now.toISOString()}`)
    return Number(result.rowsAffected ?? 0)
  }
  const result = await mongo(payload).deleteMany({ expiresAt: { $lt: now } })
  return Number(result.deletedCount ?? 0)
}
