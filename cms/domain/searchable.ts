/**
 * What the site search covers: which collections, which of their fields, where a result links to and which date
 * orders it. Only fields the public may read are listed; the index is filled from the document as the public reads
 * it (cms/hooks/syncSearchIndex.ts asks Payload with the collection's public read rule), so a private field such as
 * a contact group, a note or consent details can never reach the index. Self-contained: the bench writer imports it.
 */

export const SEARCHED_COLLECTIONS = ['stories', 'citizens', 'plans', 'events', 'organisations'] as const
export type SearchedCollection = (typeof SEARCHED_COLLECTIONS)[number]

export const isSearchedCollection = (slug: string): slug is SearchedCollection => (SEARCHED_COLLECTIONS as readonly string[]).includes(slug)

/** One document in the index: shown as a result, matched by title (ranked first) or body. */
export type SearchEntry = {
  collection: SearchedCollection
  docId: string
  title: string
  body: string
  path: string
  /** ISO date; newer first among equally ranked results. */
  date: string
}

type Doc = Record<string, unknown>

/** Plain text of a Lexical rich-text value (paragraphs on their own lines). */
export function richTextPlain(value: unknown): string {
  const out: string[] = []
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; children?: unknown[]; type?: string }
    if (typeof n.text === 'string') out.push(n.text)
    if (Array.isArray(n.children)) {
      for (const child of n.children) walk(child)
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'listitem') out.push('\n')
    }
  }
  walk((value as { root?: unknown } | null)?.root)
  return out.join('').trim()
}

const text = (...parts: unknown[]) =>
  parts
    .map((p) => (typeof p === 'string' ? p.trim() : ''))
    .filter(Boolean)
    .join('\n')
const iso = (...dates: unknown[]) => String(dates.find((d) => typeof d === 'string' && d) ?? new Date(0).toISOString())

type Declaration = {
  /** Japanese label of the kind of result. */
  label: string
  /** The public fields read to build the entry (depth 0). */
  select: Record<string, true>
  entry: (doc: Doc) => Omit<SearchEntry, 'collection' | 'docId'>
}

export const SEARCHABLE: Record<SearchedCollection, Declaration> = {
  stories: {
    label: 'ストーリー',
    select: { title: true, slug: true, lead: true, body: true, connectionOrigin: true, town: true, publishedAt: true, updatedAt: true },
    entry: (d) => ({
      title: String(d.title ?? ''),
      body: text(d.lead, richTextPlain(d.body), d.connectionOrigin, d.town),
      path: `/stories/${d.slug}`,
      date: iso(d.publishedAt, d.updatedAt),
    }),
  },
  citizens: {
    label: 'えすこ市民',
    select: {
      displayName: true,
      slug: true,
      town: true,
      district: true,
      interests: true,
      intro: true,
      activities: true,
      citizenSince: true,
      updatedAt: true,
    },
    entry: (d) => ({
      title: String(d.displayName ?? ''),
      body: text(d.intro, d.interests, d.activities, d.town, d.district),
      path: `/citizens/${d.slug}`,
      date: iso(d.citizenSince, d.updatedAt),
    }),
  },
  plans: {
    label: 'プラン',
    select: { title: true, description: true, town: true, proposerNickname: true, lifecycle: true, updatedAt: true },
    entry: (d) => ({
      title: String(d.title ?? ''),
      body: text(d.description, d.town, d.proposerNickname),
      path: `/plans/${d.id}`,
      date: iso((d.lifecycle as Doc | undefined)?.publishedAt, d.updatedAt),
    }),
  },
  events: {
    label: 'イベント',
    select: { title: true, slug: true, summary: true, description: true, venue: true, town: true, startsAt: true, updatedAt: true },
    entry: (d) => ({
      title: String(d.title ?? ''),
      body: text(d.summary, richTextPlain(d.description), d.venue, d.town),
      path: `/events/${d.slug}`,
      date: iso(d.startsAt, d.updatedAt),
    }),
  },
  organisations: {
    label: '団体',
    select: {
      name: true,
      reading: true,
      slug: true,
      summary: true,
      body: true,
      district: true,
      town: true,
      createdAt: true,
      updatedAt: true,
    },
    entry: (d) => ({
      title: String(d.name ?? ''),
      body: text(d.reading, d.summary, richTextPlain(d.body), d.town, d.district),
      path: `/organisations/${d.slug}`,
      date: iso(d.createdAt, d.updatedAt),
    }),
  },
}
