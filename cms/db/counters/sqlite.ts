import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { CounterStore } from './store'

/**
 * SQLite only: the shared counters (collection `shared-counters`) changed by single statements, each atomic in
 * SQLite whichever process or connection sends it. Payload's Local API has no increment, hence raw SQL here.
 */

type SqliteDb = {
  all: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>
  run: (query: ReturnType<typeof sql>) => Promise<{ rowsAffected?: number }>
}

const TABLE = sql.raw('`shared_counters`')

export function sqliteCounters(payload: Payload): CounterStore {
  const db = (payload.db as unknown as { drizzle: SqliteDb }).drizzle
  return {
    async hit(key, expiresAt) {
      const [row] =
        await db.all(sql`INSERT INTO ${TABLE} (\`key\`, \`count\`, \`expires_at\`) VALUES (${key}, 1, ${expiresAt.toISOString()})
        ON CONFLICT(\`key\`) DO UPDATE SET \`count\` = \`count\` + 1 RETURNING \`count\``)
      return Number(row?.count)
    },
    async exists(key) {
      const [row] = await db.all(sql`SELECT 1 AS present FROM ${TABLE} WHERE \`key\` = ${key}`)
      return Boolean(row)
    },
    async create(key, count) {
      await db.run(sql`INSERT INTO ${TABLE} (\`key\`, \`count\`) VALUES (${key}, ${count}) ON CONFLICT(\`key\`) DO NOTHING`)
    },
    async claim(key, by, max) {
      const [row] = await db.all(
        sql`UPDATE ${TABLE} SET \`count\` = \`count\` + ${by} WHERE \`key\` = ${key} AND \`count\` + ${by} <= ${max} RETURNING \`count\``,
      )
      return row ? Number(row.count) : null
    },
    async adjust(key, by) {
      await db.run(sql`UPDATE ${TABLE} SET \`count\` = MAX(0, \`count\` + ${by}) WHERE \`key\` = ${key}`)
    },
    async read(key) {
      const [row] = await db.all(sql`SELECT \`count\` FROM ${TABLE} WHERE \`key\` = ${key}`)
      return row ? Number(row.count) : null
    },
    async prune(now) {
      const result = await db.run(sql`DELETE FROM ${TABLE} WHERE \`expires_at\` IS NOT NULL AND \`expires_at\` < ${now.toISOString()}`)
      return Number(result.rowsAffected ?? 0)
    },
  }
}
