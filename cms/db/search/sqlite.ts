import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { SearchedCollection } from '../../domain/searchable'
import { indexTokens, termTokens } from '../../domain/searchText'
import type { SearchStore } from './store'

/**
 * SQLite only: entries in `search_entries`, their bigram tokens in the FTS5 table `search_entries_fts` (rowid =
 * entry id; contentless, so the text is stored once), both created by the migration `site_search`. FTS5's
 * unicode61 tokenizer only splits the space-separated tokens we give it; the Japanese work is ours.
 */

type Db = {
  all: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>
  run: (query: ReturnType<typeof sql>) => Promise<unknown>
}
type SqliteAdapter = { drizzle: Db; sessions?: Record<string, { db: Db }> }

/** The request's transaction when there is one: a write from another connection would wait for it to commit. */
async function dbOf(payload: Payload, req?: Partial<PayloadRequest>): Promise<Db> {
  const adapter = payload.db as unknown as SqliteAdapter
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
}

/** FTS5 query text: each word a quoted phrase of its tokens (tokens hold only letters and digits). */
const phrase = (term: string) => `"${termTokens(term).join(' ')}"`
export const ftsQuery = (terms: string[], column?: 'title') =>
  terms.map((t) => (column ? `${column} : ${phrase(t)}` : phrase(t))).join(' AND ')

export function sqliteSearch(payload: Payload): SearchStore {
  const key = (collection: string, docId: string) => `${collection}:${docId}`
  return {
    async upsert(entry, req) {
      const db = await dbOf(payload, req)
      const k = key(entry.collection, entry.docId)
      const [row] = await db.all(sql`INSERT INTO search_entries (doc_key, collection, doc_id, title, body, path, date)
        VALUES (${k}, ${entry.collection}, ${entry.docId}, ${entry.title}, ${entry.body}, ${entry.path}, ${entry.date})
        ON CONFLICT(doc_key) DO UPDATE SET title = excluded.title, body = excluded.body, path = excluded.path, date = excluded.date
        RETURNING id`)
      const id = Number(row.id)
      await db.run(sql`DELETE FROM search_entries_fts WHERE rowid = ${id}`)
      await db.run(
        sql`INSERT INTO search_entries_fts (rowid, title, body) VALUES (${id}, ${indexTokens(entry.title).join(' ')}, ${indexTokens(entry.body).join(' ')})`,
      )
    },
    async remove(collection, docId, req) {
      const db = await dbOf(payload, req)
      const rows = await db.all(sql`DELETE FROM search_entries WHERE doc_key = ${key(collection, docId)} RETURNING id`)
      for (const row of rows) await db.run(sql`DELETE FROM search_entries_fts WHERE rowid = ${Number(row.id)}`)
    },
    async query(terms, offset, limit) {
      const db = (payload.db as unknown as SqliteAdapter).drizzle
      const all = ftsQuery(terms)
      const title = ftsQuery(terms, 'title')
      const [{ n }] = await db.all(sql`SELECT count(*) AS n FROM search_entries_fts WHERE search_entries_fts MATCH ${all}`)
      const total = Number(n)
      if (!total || offset >= total) return { total, hits: [] }
      const rows = await db.all(sql`WITH t AS (SELECT rowid AS id FROM search_entries_fts WHERE search_entries_fts MATCH ${title}),
          a AS (SELECT rowid AS id FROM search_entries_fts WHERE search_entries_fts MATCH ${all})
        SELECT e.collection, e.doc_id, e.title, e.body, e.path, e.date, (e.id IN t) AS in_title
        FROM a JOIN search_entries e ON e.id = a.id
        ORDER BY in_title DESC, e.date DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}`)
      return {
        total,
        hits: rows.map((r) => ({
          collection: r.collection as SearchedCollection,
          docId: String(r.doc_id),
          title: String(r.title),
          body: String(r.body),
          path: String(r.path),
          date: String(r.date),
          inTitle: Boolean(Number(r.in_title)),
        })),
      }
    },
    async clear() {
      const db = (payload.db as unknown as SqliteAdapter).drizzle
      await db.run(sql`DELETE FROM search_entries`)
      await db.run(sql`DELETE FROM search_entries_fts`)
    },
  }
}
