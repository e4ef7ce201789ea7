import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

import { jobThread, type JobThread } from '../../lib/jobThread'
import { CHEER_TARGET_FIELD } from '../../lib/cheerTarget'
import type { CheerOutcome, CheerRow, CheerStore } from './store'

/**
 * SQLite only: a batch of residents' cheers in one transaction. At synchronous=FULL every commit waits for the disk
 * (about 3 ms here), so one commit for all the cheers that arrived meanwhile is what lets a cheer storm through.
 * Three statements, whatever the batch size (each statement is prepared anew, so fewer is cheaper):
 *   1. every cheer hits its client's rate-limit counter (a client twice in the batch counts twice);
 *   2. the cheers within their limit are inserted, a repeat refused by the unique dedupe key (ON CONFLICT DO NOTHING);
 *   3. the counters are read back.
 * The transaction holds the write lock from BEGIN IMMEDIATE to COMMIT, so nothing else changes the counters in
 * between: the n-th of k hits on one counter saw `final - k + n`.
 *
 * Off the event loop: libsql is synchronous, and a batch with its commit held the loop 1.5 ms on average and up to
 * 8 ms in a storm (20 cheers a second at scale 10), while every reader of a cached page waited. A database file's
 * batches are therefore run by a worker thread on its own connection (cms/lib/jobThread.ts), at synchronous=FULL:
 * a cheer is answered once its commit is on disk. Another connection of the same file is safe in WAL mode (readers
 * see the commit once it is done; writers wait for each other, busy_timeout as the adapter's). An in-memory
 * database, which another connection cannot open, runs the batch on the adapter's own client.
 */
type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  batch: (stmts: { sql: string; args: (string | number | null)[] }[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]>
}

// Columns of the cheers table (cms/migrations): `<field>_id` for each target field, in CHEER_TARGET_FIELD's order.
const TARGETS = Object.entries(CHEER_TARGET_FIELD) as [CheerRow['type'], string][]
const COLUMNS = [...TARGETS.map(([, field]) => `${field}_id`), 'message', 'message_status', 'dedupe_key', 'updated_at', 'created_at']
const list = (n: number, item: string) => Array.from({ length: n }, () => item).join(', ')

function statements(rows: CheerRow[], at: string, allowed: number[]): Statement[] {
  const n = rows.length
  const keys = [...new Set(rows.map((r) => r.limit.key))]
  const valueColumns = COLUMNS.length + 2
  return [
    {
      sql: `INSERT INTO shared_counters (key, count, expires_at) VALUES ${list(n, '(?, 1, ?)')}
        ON CONFLICT(key) DO UPDATE SET count = count + 1`,
      args: rows.flatMap((r) => [r.limit.key, r.limit.expiresAt.toISOString()]),
    },
    {
      // VALUES columns are column1…: the cheer's own columns, then its counter's key and the count it may reach.
      sql: `INSERT INTO cheers (${COLUMNS.join(', ')})
        SELECT ${COLUMNS.map((_, i) => `column${i + 1}`).join(', ')} FROM (VALUES ${list(n, `(${list(valueColumns, '?')})`)})
        WHERE (SELECT count FROM shared_counters WHERE key = column${valueColumns - 1}) <= column${valueColumns}
        ON CONFLICT(dedupe_key) DO NOTHING RETURNING id, dedupe_key, created_at`,
      args: rows.flatMap((r, i) => [
        ...TARGETS.map(([type]) => (type === r.type ? r.id : null)),
        r.message ?? null,
        r.messageStatus,
        r.dedupeKey,
        at,
        at,
        r.limit.key,
        allowed[i],
      ]),
    },
    { sql: `SELECT key, count FROM shared_counters WHERE key IN (${list(keys.length, '?')})`, args: keys },
  ]
}

/** For the n-th of k cheers on one counter: the final count at which it was still within its limit (max + k - n). */
function allowedCounts(rows: CheerRow[]): number[] {
  const hits = new Map<string, number>()
  const nth = rows.map((r) => {
    const n = (hits.get(r.limit.key) ?? 0) + 1
    hits.set(r.limit.key, n)
    return n
  })
  return rows.map((r, i) => r.limit.max + hits.get(r.limit.key)! - nth[i])
}

// The worker's connection: the statements a batch needs, prepared once per text (a batch of n cheers has its own).
const BATCH_SOURCE = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.libsql)
const db = new Database(workerData.file)
db.exec('PRAGMA busy_timeout = ' + workerData.busyTimeout + '; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON')
const prepared = new Map()
const statement = (sql) => {
  let s = prepared.get(sql)
  if (!s) {
    if (prepared.size >= 64) prepared.clear()
    prepared.set(sql, (s = db.prepare(sql)))
  }
  return s
}
function run(batch) {
  db.exec('BEGIN IMMEDIATE')
  try {
    const results = batch.map(({ sql, args }) => {
      const s = statement(sql)
      return s.reader ? s.all(args) : (s.run(args), [])
    })
    db.exec('COMMIT')
    return results
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  }
}
`
type Statement = { sql: string; args: (string | number | null)[] }
type BatchRunner = (batch: Statement[]) => Promise<Record<string, unknown>[][]>

// One thread per database file and process.
const threads = new Map<string, JobThread<Statement[], Record<string, unknown>[][]>>()

/** The database file behind the adapter's URL, or null for an in-memory database. */
function databaseFile(payload: Payload): string | null {
  const url = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url ?? ''
  if (!url.startsWith('file:') || url.startsWith('file::memory:')) return null
  return path.resolve(url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length).split('?')[0])
}

function batchRunner(payload: Payload): BatchRunner {
  const file = databaseFile(payload)
  if (!file) {
    const client = (payload.db as unknown as { client: LibsqlClient }).client
    return async (batch) => (await client.batch(batch, 'write')).map((r) => r.rows)
  }
  let thread = threads.get(file)
  if (!thread) {
    // The libsql package the adapter's client runs on (resolved here: the thread's eval'd source has no module path).
    const libsql = createRequire(createRequire(path.join(process.cwd(), 'package.json')).resolve('@libsql/client')).resolve('libsql')
    const busyTimeout = (payload.db as unknown as { busyTimeout?: number }).busyTimeout ?? 10_000
    thread = jobThread('cheer-writer', BATCH_SOURCE, { file, libsql, busyTimeout })
    threads.set(file, thread)
  }
  return thread
}

export function sqliteCheers(payload: Payload): CheerStore {
  const runBatch = batchRunner(payload)
  return {
    hooksRan: false,
    async write(rows, now) {
      const allowed = allowedCounts(rows)
      const [, inserted, counters] = await runBatch(statements(rows, now.toISOString(), allowed))
      const finalCount = new Map(counters.map((c) => [String(c.key), Number(c.count)]))
      const stored = new Map(inserted.map((c) => [String(c.dedupe_key), c]))
      return rows.map((row, i): CheerOutcome => {
        // The same test the insert made: within its limit when the final count is at most its allowed count.
        if (!(finalCount.get(row.limit.key)! <= allowed[i])) return { result: 'limited' }
        const doc = stored.get(row.dedupeKey)
        // The first cheer of a key within its limit is the one stored; any other is a repeat.
        if (!doc) return { result: 'duplicate' }
        stored.delete(row.dedupeKey)
        return { result: 'stored', doc: { id: Number(doc.id), createdAt: String(doc.created_at) } }
      })
    },
  }
}
