import { SEARCH_PAGE_SIZE, searchSite, type SearchOutcome, type SearchResult } from '../../cms/lib/search'
import { SEARCHED_COLLECTIONS } from '../../cms/domain/searchable'
import { SEARCH_QUERY_MAX } from '../../cms/domain/searchText'
import { cached } from './cache'
import { payloadClient } from './payload'

/**
 * The site search (cms/lib/search.ts) through the site's door: results are cached per query and page under the
 * searched collections' tags, so an edit, a publish or an unpublish in any of them drops every cached search.
 */
export const searchPortal = cached(
  'search.searchPortal',
  [...SEARCHED_COLLECTIONS],
  async (query: string, page: number): Promise<SearchOutcome> => searchSite(await payloadClient(), query, page),
)

export { SEARCH_PAGE_SIZE, SEARCH_QUERY_MAX }
export type { SearchOutcome, SearchResult }
