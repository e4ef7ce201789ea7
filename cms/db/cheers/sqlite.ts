import fs from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

import { CHEER_TARGET_FIELD } from '../../lib/cheerTarget'
import type { CheerOutcome, CheerRow, CheerStore } from './store'

/**
 * SQLite only: a batch of residents' cheers in one transaction of the libsql client. At synchronous=FULL every
 * commit waits for the disk (about 3 ms here, with the event loop stopped: libsql is synchronous), so one commit for
 * all the cheers that arrived meanwhile is what lets a cheer storm through. Three statements, whatever the batch size
 * (each statement is prepared anew by the client, so fewer is cheaper):
 *   1. every cheer hits its client's rate-limit counter (a client twice in the batch counts twice);
 *   2. the cheers within their limit are inserted, a repeat refused by the unique dedupe key (ON CONFLICT DO NOTHING);
 *   3. the counters are read back.
 * The transaction holds the write lock from BEGIN IMMEDIATE to COMMIT and libsql runs it in one synchronous call, so
 * nothing else changes the counters in between: the n-th of k hits on one counter saw `final - k + n`.
 *
 * Durability without stopping the event loop: this one commit runs at synchronous=NORMAL (the pragma is set and set
 * back in the same synchronous stretch, so no other statement of the process runs under it), and the write-ahead log
 * is then flushed to disk by an fdatasync on libuv's thread pool. The cheers are answered only after that, so an
 * accepted cheer is as durable as under FULL, while readers keep being served during the flush.
 */

type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  batch: (stmts: { sql: string; args: (string | number | null)[] }[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]>
}

// Columns of the cheers table (cms/migrations): `<field>_id` for each target field, in CHEER_TARGET_FIELD's order.
const TARGETS = Object.entries(CHEER_TARGET_FIELD) as [CheerRow['type'], string][]
const COLUMNS = [...TARGETS.map(([, field]) => `${field}_id`), 'message', 'message_status', 'dedupe_key', 'updated_at', 'created_at']
const list = (n: number, item: string) => Array.from({ length: n }, () => item).join(', ')

function statements(rows: CheerRow[], at: string, allowed: number[]) {
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

/** The database file's write-ahead log, or null for a database without a file. */
function walOf(payload: Payload): string | null {
  const url = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url ?? ''
  if (!url.startsWith('file:') || url.startsWith('file::memory:')) return null
  return `${url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)}-wal`
}

// Runs at once (libsql is synchronous; the promise only reports the outcome).
const pragma = (client: LibsqlClient, level: 'NORMAL' | 'FULL') =>
  void client.execute(`PRAGMA synchronous = ${level}`).catch((error) => console.error(`[cheers] synchronous=${level} failed`, error))

async function flush(file: string): Promise<void> {
  const handle = await fs.open(file, 'r')
  try {
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

export function sqliteCheers(payload: Payload): CheerStore {
  const client = (payload.db as unknown as { client: LibsqlClient }).client
  const wal = walOf(payload)
  return {
    hooksRan: false,
    async write(rows, now) {
      const allowed = allowedCounts(rows)
      // libsql runs each of these calls synchronously, start to end (BEGIN to COMMIT for the batch): nothing else of
      // this process runs between them.
      if (wal) pragma(client, 'NORMAL')
      const written = client.batch(statements(rows, now.toISOString(), allowed), 'write')
      if (wal) pragma(client, 'FULL')
      const [, inserted, counters] = await written
      // Committed, but maybe not on disk: nobody is told "stored" (nor, by a retry, "already cheered").
      const flushed = wal
        ? await flush(wal).then(
            () => null,
            (error: unknown) => error,
          )
        : null
      if (flushed) return rows.map((): CheerOutcome => ({ result: 'error', error: flushed }))
      const finalCount = new Map(counters.rows.map((c) => [String(c.key), Number(c.count)]))
      const stored = new Map(inserted.rows.map((c) => [String(c.dedupe_key), c]))
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
