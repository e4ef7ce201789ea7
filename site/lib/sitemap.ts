import type { CollectionSlug } from 'payload'

import { cached, nextTurn } from './cache'
import { payloadClient } from './payload'

/**
 * The sitemap: an index (/sitemap.xml) over one file per kind of public page and per 50,000 URLs (the protocol's
 * limit), so every published story, public citizen, public plan, event and organisation is listed, with `lastmod`
 * from its `updatedAt`. Access control on: what the public cannot read is never listed.
 */
export const URLS_PER_SITEMAP = 50_000

type Section = {
  collection: CollectionSlug
  /** The public path of one document. */
  path: (doc: { id: number | string; slug?: string | null }) => string | null
  select: Record<string, true>
}

export const SITEMAP_SECTIONS = {
  stories: { collection: 'stories', path: (d) => (d.slug ? `/stories/${d.slug}` : null), select: { slug: true, updatedAt: true } },
  citizens: { collection: 'citizens', path: (d) => (d.slug ? `/citizens/${d.slug}` : null), select: { slug: true, updatedAt: true } },
  plans: { collection: 'plans', path: (d) => `/plans/${d.id}`, select: { updatedAt: true } },
  events: { collection: 'events', path: (d) => (d.slug ? `/events/${d.slug}` : null), select: { slug: true, updatedAt: true } },
  organisations: {
    collection: 'organisations',
    path: (d) => (d.slug ? `/organisations/${d.slug}` : null),
    select: { slug: true, updatedAt: true },
  },
} satisfies Record<string, Section>

export type SitemapSection = keyof typeof SITEMAP_SECTIONS | 'pages'
export const isSitemapSection = (value: string): value is SitemapSection => value === 'pages' || value in SITEMAP_SECTIONS

/** The list and form pages: one file of its own. */
export const LIST_PAGES = [
  '/',
  '/stories',
  '/citizens',
  '/plans',
  '/plans/new',
  '/events',
  '/organisations',
  '/nominate',
  '/survey',
  '/progress',
  '/open-data',
  '/about',
  '/privacy',
]

export type SitemapEntry = { path: string; lastmod?: string }
export type SitemapFile = { section: SitemapSection; page: number; lastmod?: string }

async function countPublic(collection: CollectionSlug): Promise<{ total: number; lastmod?: string }> {
  const payload = await payloadClient()
  const { docs, totalDocs } = await payload.find({
    collection,
    select: { updatedAt: true },
    sort: '-updatedAt',
    depth: 0,
    limit: 1,
    overrideAccess: false,
  })
  return { total: totalDocs, lastmod: (docs[0] as { updatedAt?: string } | undefined)?.updatedAt }
}

async function listSitemapFilesUncached(perFile = URLS_PER_SITEMAP): Promise<SitemapFile[]> {
  const files: SitemapFile[] = [{ section: 'pages', page: 1 }]
  for (const [section, { collection }] of Object.entries(SITEMAP_SECTIONS) as [SitemapSection, Section][]) {
    const { total, lastmod } = await countPublic(collection)
    const pages = Math.max(1, Math.ceil(total / perFile))
    for (let page = 1; page <= pages; page++) files.push({ section, page, lastmod })
  }
  return files
}
/** Every file of the sitemap index: a section with no public documents still has its (empty) first file. */
export const listSitemapFiles = cached(
  'sitemap.files',
  Object.values(SITEMAP_SECTIONS).map((s) => s.collection),
  listSitemapFilesUncached,
)

// A file's URLs are read a few hundred documents at a time, with a turn of the event loop between reads:
// - Payload holds every document of a read at once, with its own bookkeeping: 50,000 in one read took some 200 MB of
//   heap at scale 10 (the pre-renderer reads every file), more than a site process's old generation could hold;
// - a read costs ~75 µs a document (2,000: ~150 ms), and SQLite's are synchronous calls in a chain of promises that
//   never leaves the microtask queue: a file of 50,000 held the process for 5–7 s, every reader waited, and the
//   kept-alive connections that sent a request meanwhile were reset (past the server's 5-second keep-alive).
const READ_CHUNK = 500

async function sitemapEntriesUncached(
  section: SitemapSection,
  page: number,
  perFile = URLS_PER_SITEMAP,
  chunk = READ_CHUNK,
): Promise<SitemapEntry[] | null> {
  if (section === 'pages') return page === 1 ? LIST_PAGES.map((path) => ({ path })) : null
  const { collection, path, select } = SITEMAP_SECTIONS[section] as Section
  const payload = await payloadClient()
  // Chunks tile the file exactly when they divide it; otherwise the file is read whole.
  const size = perFile % chunk === 0 ? chunk : perFile
  const entries: SitemapEntry[] = []
  for (let k = 0; k < perFile / size; k++) {
    if (k > 0) await nextTurn()
    const result = await payload.find({
      collection,
      select,
      sort: 'id',
      depth: 0,
      limit: size,
      page: ((page - 1) * perFile) / size + k + 1,
      overrideAccess: false,
    })
    if (k === 0 && page > 1 && result.docs.length === 0) return null
    for (const doc of result.docs) {
      const d = doc as { id: number | string; slug?: string | null; updatedAt?: string }
      const p = path(d)
      if (p) entries.push({ path: p, lastmod: d.updatedAt })
    }
    if (!result.hasNextPage) break
  }
  return entries
}
/** The URLs of one sitemap file, or null when there is no such file. */
export const sitemapEntries = cached(
  'sitemap.entries',
  (section: SitemapSection, _page: number, _perFile?: number, _chunk?: number) =>
    section === 'pages' ? [] : [(SITEMAP_SECTIONS[section] as Section).collection],
  sitemapEntriesUncached,
)

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const lastmodTag = (iso?: string) => (iso ? `<lastmod>${new Date(iso).toISOString()}</lastmod>` : '')

export const sitemapFilePath = (file: Pick<SitemapFile, 'section' | 'page'>) => `/sitemaps/${file.section}-${file.page}.xml`

export function sitemapIndexXml(files: SitemapFile[], origin: string): string {
  const items = files.map(
    (f) => `<sitemap><loc>${xmlEscape(new URL(sitemapFilePath(f), origin).toString())}</loc>${lastmodTag(f.lastmod)}</sitemap>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.join('')}</sitemapindex>\n`
}

export function urlsetXml(entries: SitemapEntry[], origin: string): string {
  const items = entries.map((e) => `<url><loc>${xmlEscape(new URL(e.path, origin).toString())}</loc>${lastmodTag(e.lastmod)}</url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.join('')}</urlset>\n`
}

export const xmlResponse = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
