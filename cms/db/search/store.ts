import type { PayloadRequest } from 'payload'

import type { SearchEntry } from '../../domain/searchable'

export type SearchHit = SearchEntry & { inTitle: boolean }
/** `total` counts matches up to the cap given to `query`; `more` says there are further ones beyond it. */
export type SearchPage = { total: number; more: boolean; hits: SearchHit[] }

/**
 * What the site search needs of a database (cms/lib/search.ts). Each store keeps the entries with the tokens of
 * cms/domain/searchText.ts and answers a query with the same results: every word (a phrase of its bigrams, or one
 * character) in the title or the body; entries whose title holds every word first, newer before older.
 */
export type SearchStore = {
  /** Adds or replaces the entry of one document (in the request's transaction when there is one). */
  upsert: (entry: SearchEntry, req?: Partial<PayloadRequest>) => Promise<void>
  /** Removes the entry of one document, if any. */
  remove: (collection: string, docId: string, req?: Partial<PayloadRequest>) => Promise<void>
  /**
   * One page of results for the query's words (from parseSearchQuery), counting at most `cap` matches: a common
   * word must not cost a count of every document that holds it.
   */
  query: (terms: string[], offset: number, limit: number, cap: number) => Promise<SearchPage>
  /** Removes every entry (a full reindex starts here). */
  clear: () => Promise<void>
}
