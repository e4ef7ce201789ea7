import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { SearchedCollection } from '../../domain/searchable'
import { indexTokens, termTokens } from '../../domain/searchText'
import { ftsRowid } from './sqliteRowid'
import type { SearchStore } from './store'

/**
 * SQLite only: entries in `search_entries`, their bigram tokens in the FTS5 table `search_entries_fts`
 * (contentless, so the text is stored once), both created by the migration `site_search`. FTS5's unicode61
 * tokenizer only splits the space-separated tokens we give it; the Japanese work is ours.
 *
 * Why the FTS rowid is made of the date (`ftsRowid`): FTS5 walks its matches in rowid order and stops at LIMIT, so
 * "newest first" costs one page of rows, not a sort of every match (a common word matches tens of thousands of
 * documents at scale 10). Title matches come first: one walk over title matches, then one over the rest.
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
      const [old] = await db.all(sql`SELECT fts_rowid FROM search_entries WHERE doc_key = ${k}`)
      if (old) await db.run(sql`DELETE FROM search_entries_fts WHERE rowid = ${Number(old.fts_rowid)}`)
      const [row] = await db.all(sql`INSERT INTO search_entries (doc_key, collection, doc_id, title, body, path, date, fts_rowid)
        VALUES (${k}, ${entry.collection}, ${entry.docId}, ${entry.title}, ${entry.body}, ${entry.path}, ${entry.date}, 0)
        ON CONFLICT(doc_key) DO UPDATE SET title = excluded.title, body = excluded.body, path = excluded.path, date = excluded.date
        RETURNING id`)
      const rowid = ftsRowid(entry.date, Number(row.id))
      await db.run(sql`UPDATE search_entries SET fts_rowid = ${rowid} WHERE id = ${Number(row.id)}`)
      await db.run(
        sql`INSERT INTO search_entries_fts (rowid, title, body) VALUES (${rowid}, ${indexTokens(entry.title).join(' ')}, ${indexTokens(entry.body).join(' ')})`,
      )
    },
    async remove(collection, docId, req) {
      const db = await dbOf(payload, req)
      const rows = await db.all(sql`DELETE FROM search_entries WHERE doc_key = ${key(collection, docId)} RETURNING fts_rowid`)
      for (const row of rows) await db.run(sql`DELETE FROM search_entries_fts WHERE rowid = ${Number(row.fts_rowid)}`)
    },
    async query(terms, offset, limit, cap) {
      const db = (payload.db as unknown as SqliteAdapter).drizzle
      const all = ftsQuery(terms)
      const title = ftsQuery(terms, 'title')
      // Counted up to a limit: FTS5 walks the matches and stops there.
      const count = async (q: string, upTo: number) =>
        Number(
          (
            await db.all(
              sql`SELECT count(*) AS n FROM (SELECT rowid FROM search_entries_fts WHERE search_entries_fts MATCH ${q} LIMIT ${upTo})`,
            )
          )[0].n,
        )
      const walk = async (q: string, skip: number, n: number) =>
        (
          await db.all(
            sql`SELECT rowid FROM search_entries_fts WHERE search_entries_fts MATCH ${q} ORDER BY rowid DESC LIMIT ${n} OFFSET ${skip}`,
          )
        ).map((r) => Number(r.rowid))
      const counted = await count(all, cap + 1)
      const total = Math.min(counted, cap)
      const more = counted > cap
      if (!total || offset >= total) return { total, more, hits: [] }
      const take = Math.min(limit, total - offset)
      // Only whether the title matches reach past this page matters, not how many there are.
      const titled = await count(title, offset + take)
      const inTitle = offset < titled ? await walk(title, offset, take) : []
      const rest = inTitle.length < take ? await walk(`(${all}) NOT (${title})`, Math.max(0, offset - titled), take - inTitle.length) : []
      const ids = [...inTitle, ...rest]
      if (!ids.length) return { total, more, hits: [] }
      const titleSet = new Set(inTitle)
      const rows = await db.all(
        sql`SELECT collection, doc_id, title, body, path, date, fts_rowid FROM search_entries WHERE fts_rowid IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
      const byRowid = new Map(rows.map((r) => [Number(r.fts_rowid), r]))
      return {
        total,
        more,
        hits: ids.flatMap((id) => {
          const r = byRowid.get(id)
          if (!r) return []
          return [
            {
              collection: r.collection as SearchedCollection,
              docId: String(r.doc_id),
              title: String(r.title),
              body: String(r.body),
              path: String(r.path),
              date: String(r.date),
              inTitle: titleSet.has(id),
            },
          ]
        }),
      }
    },
    async clear() {
      const db = (payload.db as unknown as SqliteAdapter).drizzle
      await db.run(sql`DELETE FROM search_entries`)
      await db.run(sql`DELETE FROM search_entries_fts`)
    },
  }
}
