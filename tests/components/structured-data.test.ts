import { describe, expect, it } from 'vitest'

import {
  DEFAULT_SHARE_IMAGE,
  articleLd,
  breadcrumbLd,
  eventLd,
  japanDateTime,
  jsonLdGraph,
  organizationLd,
  serialiseJsonLd,
  webSiteLd,
} from '../../site/lib/structuredData'

// Issue 15, point 6: the JSON-LD a page carries, built by one module (site/lib/structuredData.ts).

const ORIGIN = 'https://esuko.example.jp'
const ORG = `${ORIGIN}/#organization`

type Case = { name: string; node: Record<string, unknown>; expected: Record<string, unknown>; absent?: string[] }

const story = {
  title: '朝どれ野菜の「おすそわけ便」が、ご近所の見守りに',
  description: '大東町の山王寺地区で、散歩ついでに野菜を届ける元農家の佐藤さん。',
  path: '/stories/daito-osusowake',
  publishedAt: '2026-11-26T01:30:00.000Z',
  updatedAt: '2026-11-28T15:05:00.000Z',
}
const event = {
  title: 'えすこなふるまい市 2026 冬 in 三刀屋',
  description: '冬のふるまい市。',
  path: '/events/furumai-2026-winter-mitoya',
  startsAt: '2026-12-23T01:00:00.000Z',
  endsAt: '2026-12-23T05:30:00.000Z',
  venue: '三刀屋交流センター',
  town: '三刀屋町',
}

const CASES: Case[] = [
  {
    name: 'a story with a share image',
    node: articleLd({ ...story, images: ['/api/media/file/hero.webp?v=1', '/api/media/file/other.webp'] }, ORIGIN),
    expected: {
      '@type': 'Article',
      headline: story.title,
      description: story.description,
      image: [`${ORIGIN}/api/media/file/hero.webp?v=1`, `${ORIGIN}/api/media/file/other.webp`],
      datePublished: '2026-11-26T10:30:00+09:00',
      // 15:05 UTC is past midnight in Japan: the next day.
      dateModified: '2026-11-29T00:05:00+09:00',
      mainEntityOfPage: `${ORIGIN}/stories/daito-osusowake`,
      author: { '@id': ORG },
      publisher: { '@id': ORG },
      inLanguage: 'ja',
    },
  },
  {
    name: 'a story without any image shares the default image, and an unpublished date is left out',
    node: articleLd({ ...story, images: [undefined, null], publishedAt: null, description: null }, ORIGIN),
    expected: { image: [`${ORIGIN}${DEFAULT_SHARE_IMAGE}`] },
    absent: ['datePublished', 'description'],
  },
  {
    name: 'a story whose title is longer than a headline may be is cut with 「…」',
    node: articleLd({ ...story, title: 'あ'.repeat(120) }, ORIGIN),
    expected: { headline: `${'あ'.repeat(109)}…` },
  },
  {
    name: 'an event open for registration',
    node: eventLd(
      {
        ...event,
        images: ['/api/media/file/furumai.webp'],
        registration: { open: true, full: false, opensAt: '2026-12-01T00:00:00.000Z' },
        organisations: [{ name: 'みんなの台所', path: '/organisations/daidokoro' }],
      },
      ORIGIN,
    ),
    expected: {
      '@type': 'Event',
      name: event.title,
      startDate: '2026-12-23T10:00:00+09:00',
      endDate: '2026-12-23T14:30:00+09:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: '三刀屋交流センター',
        address: { '@type': 'PostalAddress', addressCountry: 'JP', addressRegion: '島根県', addressLocality: '雲南市三刀屋町' },
      },
      image: [`${ORIGIN}/api/media/file/furumai.webp`],
      organizer: { '@id': ORG },
      contributor: [{ '@type': 'Organization', name: 'みんなの台所', url: `${ORIGIN}/organisations/daidokoro` }],
      offers: {
        '@type': 'Offer',
        url: `${ORIGIN}/events/furumai-2026-winter-mitoya`,
        availability: 'https://schema.org/InStock',
        validFrom: '2026-12-01T09:00:00+09:00',
      },
    },
  },
  {
    name: 'a full event offers its waiting list as sold out',
    node: eventLd({ ...event, registration: { open: true, full: true } }, ORIGIN),
    expected: { offers: { '@type': 'Offer', url: `${ORIGIN}${event.path}`, availability: 'https://schema.org/SoldOut' } },
  },
  {
    name: 'a cancelled event says so and offers nothing',
    node: eventLd({ ...event, cancelled: true, registration: { open: true, full: false } }, ORIGIN),
    expected: { eventStatus: 'https://schema.org/EventCancelled', image: [`${ORIGIN}${DEFAULT_SHARE_IMAGE}`] },
    absent: ['offers'],
  },
  {
    name: 'an event without venue, end or registration is placed in its town',
    node: eventLd({ ...event, venue: null, endsAt: null, registration: { open: false, full: false } }, ORIGIN),
    expected: { location: expect.objectContaining({ name: '雲南市三刀屋町' }) },
    absent: ['endDate', 'offers', 'contributor'],
  },
  {
    name: 'the home page names the site and the city',
    node: jsonLdGraph(webSiteLd(ORIGIN), organizationLd(ORIGIN)),
    expected: {
      '@context': 'https://schema.org',
      '@graph': [
        expect.objectContaining({
          '@type': 'WebSite',
          name: 'えすこポータル',
          url: `${ORIGIN}/`,
          publisher: { '@id': ORG },
          potentialAction: expect.objectContaining({
            '@type': 'SearchAction',
            target: { '@type': 'EntryPoint', urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
          }),
        }),
        expect.objectContaining({ '@type': 'GovernmentOrganization', '@id': ORG, name: '雲南市', alternateName: 'えすこな雲南市' }),
      ],
    },
  },
  {
    name: 'a breadcrumb starts at home',
    node: breadcrumbLd(
      [
        { name: 'ストーリー', path: '/stories' },
        { name: story.title, path: story.path },
      ],
      ORIGIN,
    ),
    expected: {
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'ホーム', item: `${ORIGIN}/` },
        { '@type': 'ListItem', position: 2, name: 'ストーリー', item: `${ORIGIN}/stories` },
        { '@type': 'ListItem', position: 3, name: story.title, item: `${ORIGIN}${story.path}` },
      ],
    },
  },
]

describe('JSON-LD builders', () => {
  it.each(CASES)('$name', ({ node, expected, absent }) => {
    // What a page embeds is what a search engine reads back.
    const read = JSON.parse(serialiseJsonLd(node)) as Record<string, unknown>
    expect(read).toMatchObject(expected)
    for (const key of absent ?? []) expect(read).not.toHaveProperty(key)
  })

  it('never carries a person: an article names the city as author and publisher only', () => {
    const text = serialiseJsonLd(articleLd({ ...story, images: [] }, ORIGIN))
    expect(text).not.toMatch(/"@type":"Person"/)
    expect(text).not.toContain('佐藤さん（72）')
  })
})

describe('JSON-LD serialisation inside <script>', () => {
  const HOSTILE = [
    '</script><script>alert(1)</script>',
    '</SCRIPT ><img src=x onerror=alert(1)>',
    '<!-- <script>',
    'A & B \u2028 C \u2029 "quoted" \\ back',
  ]
  it.each(HOSTILE)('%j cannot close the element and reads back unchanged', (title) => {
    const data = articleLd({ ...story, title }, ORIGIN)
    const text = serialiseJsonLd(data)
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(text)).toEqual(data)
    // Embedded as a page does: the document still has exactly one script element ending where it should.
    const html = `<script type="application/ld+json">${text}</script>`
    expect(html.match(/<\/script/gi)).toHaveLength(1)
  })

  it.each([
    ['2026-01-01T00:00:00.000Z', '2026-01-01T09:00:00+09:00'],
    ['2026-06-30T15:00:00.000Z', '2026-07-01T00:00:00+09:00'],
  ])('%s is %s in Japan time', (iso, jst) => {
    expect(japanDateTime(iso)).toBe(jst)
  })

  it('refuses a date it cannot read rather than writing a wrong one', () => {
    expect(() => japanDateTime('not a date')).toThrow(RangeError)
  })
})
