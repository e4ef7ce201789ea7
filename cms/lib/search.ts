import type { Payload } from 'payload'

import { searchStore } from '../db/search'
import { SEARCHABLE, type SearchedCollection } from '../domain/searchable'
import { parseSearchQuery, snippetParts, type SnippetPart } from '../domain/searchText'

export const SEARCH_PAGE_SIZE = 10
/** Matches counted and paged through at most (100 pages): beyond, the page says 「1000件以上」 and asks for more words. */
export const SEARCH_MAX_RESULTS = 1000

export type SearchResult = {
  collection: SearchedCollection
  /** Japanese label of the kind (ストーリー, イベント, …). */
  label: string
  path: string
  date: string
  title: SnippetPart[]
  snippet: SnippetPart[]
}

export type SearchOutcome =
  | { status: 'empty' | 'too_long'; query: string }
  | {
      status: 'ok'
      query: string
      terms: string[]
      /** Matches, counted up to SEARCH_MAX_RESULTS; `more`: there are further ones. */
      total: number
      more: boolean
      page: number
      totalPages: number
      results: SearchResult[]
    }

/**
 * The site search: the resident's query normalised and split (cms/domain/searchText.ts), one page of entries from
 * the database's index (cms/db/search/), each with its title and a short passage, matches marked. The index holds
 * only what the public may read (cms/hooks/syncSearchIndex.ts), so no access check is needed here.
 */
export async function searchSite(payload: Payload, raw: string | null | undefined, page = 1): Promise<SearchOutcome> {
  const parsed = parseSearchQuery(raw)
  if (!parsed.ok) return { status: parsed.reason, query: parsed.query }
  const { terms, query } = parsed
  const offset = (page - 1) * SEARCH_PAGE_SIZE
  const { total, more, hits } = await searchStore(payload).query(terms, offset, SEARCH_PAGE_SIZE, SEARCH_MAX_RESULTS)
  return {
    status: 'ok',
    query,
    terms,
    total,
    more,
    page,
    totalPages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    results: hits.map((hit) => ({
      collection: hit.collection,
      label: SEARCHABLE[hit.collection].label,
      path: hit.path,
      date: hit.date,
      title: snippetParts(hit.title, terms, 200),
      snippet: snippetParts(hit.body, terms, 120),
    })),
  }
}
