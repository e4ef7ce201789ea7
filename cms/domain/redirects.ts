import { defineOptions, valuesOf } from './options'

/**
 * Which public pages keep their old addresses, where each lives, and which list page a withdrawn one points back
 * to. A changed slug answers 301 at the old address; a page no longer public answers 410 at every address it had.
 * Plans are addressed by id: theirs never moves, but a withdrawn plan still answers 410. Read by the redirect hooks
 * (cms/hooks/maintainRedirects.ts), the redirects collection and the site (site/lib/redirects.ts).
 */
export const REDIRECTED_COLLECTION_OPTIONS = defineOptions([
  { value: 'stories', label: { ja: 'えすこストーリー', en: 'Stories' } },
  { value: 'events', label: { ja: 'イベント', en: 'Events' } },
  { value: 'citizens', label: { ja: 'えすこ市民', en: 'Citizens' } },
  { value: 'organisations', label: { ja: '団体', en: 'Organisations' } },
  { value: 'plans', label: { ja: 'ウエルビーイングプラン', en: 'Plans' } },
])
export type RedirectedCollection = (typeof REDIRECTED_COLLECTION_OPTIONS)[number]['value']
export const REDIRECTED_COLLECTIONS = valuesOf(REDIRECTED_COLLECTION_OPTIONS)

export const isRedirectedCollection = (slug: string): slug is RedirectedCollection => (REDIRECTED_COLLECTIONS as string[]).includes(slug)

const ADDRESSED_BY_ID: ReadonlySet<RedirectedCollection> = new Set(['plans'])

/** What a document's address is made of: its slug, or its id for plans. */
export const addressKeyOf = (collection: RedirectedCollection, doc: { id: number | string; slug?: string | null }): string | null =>
  ADDRESSED_BY_ID.has(collection) ? String(doc.id) : (doc.slug ?? null)

/** The public address of a document of this collection with this slug (or id). */
export const publicPathOf = (collection: RedirectedCollection, key: string): string => `/${collection}/${key}`

/** The list page a withdrawn page links back to, and what it is called. */
export const LIST_PAGE: Record<RedirectedCollection, { path: string; label: string }> = {
  stories: { path: '/stories', label: 'えすこストーリーの一覧' },
  events: { path: '/events', label: 'イベントの一覧' },
  citizens: { path: '/citizens', label: 'えすこ市民の一覧' },
  organisations: { path: '/organisations', label: '団体の一覧' },
  plans: { path: '/plans', label: 'ウエルビーイングプランの一覧' },
}

/** A site-relative path: one leading slash (never `//host`, never a scheme), no spaces. */
const SITE_PATH = /^\/(?!\/)[^\s\\]*$/
export const isSitePath = (value: unknown): value is string => typeof value === 'string' && SITE_PATH.test(value)

/** Old and new addresses compare without a trailing slash or query. */
export const normalisePath = (path: string): string => {
  const bare = path.split(/[?#]/)[0]
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare
}
