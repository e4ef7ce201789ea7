/**
 * Structured data (JSON-LD, schema.org) for search engines: the one module that builds it. Pages pass what they show;
 * nothing here reads Payload. Only what the page itself shows goes in — never a resident's name or contact: a story's
 * author and publisher are the city's programme, not the people in it.
 */

export const PUBLISHER = { name: '雲南市', programme: 'えすこな雲南市', site: 'えすこポータル' } as const

type Node = Record<string, unknown>

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000

/** An instant as Japan time with its offset, e.g. 2026-12-05T10:00:00+09:00 (Japan keeps no summer time). */
export function japanDateTime(iso: string): string {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) throw new RangeError(`not a date: ${iso}`)
  return `${new Date(t + TOKYO_OFFSET_MS).toISOString().slice(0, 19)}+09:00`
}

const abs = (path: string, origin: string) => new URL(path, origin).toString()
const orgId = (origin: string) => abs('/#organization', origin)
const siteId = (origin: string) => abs('/#website', origin)

/** The city's programme, which publishes the portal (referred to by @id from articles and events). */
export function organizationLd(origin: string): Node {
  return {
    '@type': 'GovernmentOrganization',
    '@id': orgId(origin),
    name: PUBLISHER.name,
    alternateName: PUBLISHER.programme,
    url: abs('/', origin),
    address: { '@type': 'PostalAddress', addressCountry: 'JP', addressRegion: '島根県', addressLocality: '雲南市' },
  }
}

export function webSiteLd(origin: string, description?: string): Node {
  return {
    '@type': 'WebSite',
    '@id': siteId(origin),
    name: PUBLISHER.site,
    alternateName: PUBLISHER.programme,
    url: abs('/', origin),
    inLanguage: 'ja',
    ...(description ? { description } : {}),
    publisher: { '@id': orgId(origin) },
    // The site search (site/pages/search.astro), so a search engine may offer a search box for the portal.
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${abs('/search', origin)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  }
}

export type ArticleInput = {
  title: string
  description?: string | null
  /** The page's path, e.g. /stories/hiikawa-cleanup. */
  path: string
  /** Image paths on the site's origin (the share image first); none: the portal's default image. */
  images?: (string | null | undefined)[]
  publishedAt?: string | null
  updatedAt?: string | null
}

// Search engines show at most 110 characters of a headline.
const HEADLINE_MAX = 110

export const DEFAULT_SHARE_IMAGE = '/og-default.png'

export function articleLd(a: ArticleInput, origin: string): Node {
  const chars = [...a.title]
  const images = (a.images ?? []).filter((i): i is string => Boolean(i))
  return {
    '@type': 'Article',
    '@id': abs(`${a.path}#article`, origin),
    headline: chars.length > HEADLINE_MAX ? `${chars.slice(0, HEADLINE_MAX - 1).join('')}…` : a.title,
    ...(a.description ? { description: a.description } : {}),
    image: (images.length ? images : [DEFAULT_SHARE_IMAGE]).map((i) => abs(i, origin)),
    ...(a.publishedAt ? { datePublished: japanDateTime(a.publishedAt) } : {}),
    ...(a.updatedAt ? { dateModified: japanDateTime(a.updatedAt) } : {}),
    inLanguage: 'ja',
    mainEntityOfPage: abs(a.path, origin),
    author: { '@id': orgId(origin) },
    publisher: { '@id': orgId(origin) },
    isPartOf: { '@id': siteId(origin) },
  }
}

export type EventInput = {
  title: string
  description?: string | null
  path: string
  startsAt: string
  endsAt?: string | null
  venue?: string | null
  town?: string | null
  cancelled?: boolean | null
  images?: (string | null | undefined)[]
  /** Whether residents can apply on the page now (open, or full with a waiting list), and when applying opened. */
  registration?: { open: boolean; full: boolean; opensAt?: string | null }
  organisations?: { name: string; path: string }[]
}

export function eventLd(e: EventInput, origin: string): Node {
  const images = (e.images ?? []).filter((i): i is string => Boolean(i))
  const locality = `雲南市${e.town ?? ''}`
  return {
    '@type': 'Event',
    '@id': abs(`${e.path}#event`, origin),
    name: e.title,
    ...(e.description ? { description: e.description } : {}),
    url: abs(e.path, origin),
    startDate: japanDateTime(e.startsAt),
    ...(e.endsAt ? { endDate: japanDateTime(e.endsAt) } : {}),
    eventStatus: e.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    // Every event of the programme is held in a place in Unnan; none is online.
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: e.venue || locality,
      address: { '@type': 'PostalAddress', addressCountry: 'JP', addressRegion: '島根県', addressLocality: locality },
    },
    image: (images.length ? images : [DEFAULT_SHARE_IMAGE]).map((i) => abs(i, origin)),
    inLanguage: 'ja',
    organizer: { '@id': orgId(origin) },
    ...(e.organisations?.length
      ? { contributor: e.organisations.map((o) => ({ '@type': 'Organization', name: o.name, url: abs(o.path, origin) })) }
      : {}),
    // An offer only where a resident can apply on the page; the portal records no fee, so none is claimed.
    ...(e.registration?.open && !e.cancelled
      ? {
          offers: {
            '@type': 'Offer',
            url: abs(e.path, origin),
            availability: e.registration.full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
            ...(e.registration.opensAt ? { validFrom: japanDateTime(e.registration.opensAt) } : {}),
          },
        }
      : {}),
  }
}

export type Crumb = { name: string; path: string }

/** Home › list › page, as the page's links show them. */
export function breadcrumbLd(crumbs: Crumb[], origin: string): Node {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: 'ホーム', path: '/' }, ...crumbs].map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: abs(c.path, origin),
    })),
  }
}

/** Several nodes as one JSON-LD document. */
export const jsonLdGraph = (...nodes: Node[]): Node => ({ '@context': 'https://schema.org', '@graph': nodes })

/**
 * JSON-LD text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` escaped as \u003c etc., so a title
 * containing `</script>` or `<!--` cannot close the element or start markup; U+2028/2029 escaped for old parsers.
 * JSON.parse reads it back unchanged.
 */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
