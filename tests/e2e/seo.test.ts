// Issue 15, point 6: a story's, plan's and event's page is shared and found with the editors' SEO title, description
// and image, carries JSON-LD a search engine can read, and the admin offers those fields in Japanese.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { seedEvents } from '../../cms/seed/events'
import { PLANS } from '../../cms/seed/plans'
import { launchBrowser } from '../helpers/browser'
import { adminLogin, createAsEditor, findDocs, metaContent, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

const story = STORIES.find((s) => s.slug === 'kakeya-idou-hanbai')!
const events = seedEvents(new Date())
const event = events.find((e) => e.key === 'furumaiWinter')!
const cancelled = events.find((e) => e.key === 'sanpoCancelled')!
const plan = PLANS.find((p) => p.key === 'osusowake')!

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

type Node = Record<string, unknown> & { '@type'?: string; '@id'?: string }

/** Every JSON-LD node of the page (each script parsed as a search engine would), by type. */
async function structuredData(page: Page): Promise<Node[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents()
  return texts.flatMap((t) => {
    const doc = JSON.parse(t) as Node & { '@graph'?: Node[] }
    expect(doc['@context']).toBe('https://schema.org')
    return doc['@graph'] ?? [doc]
  })
}
const ofType = (nodes: Node[], type: string) => nodes.filter((n) => n['@type'] === type)

/** The share image answers with a picture from the site's own origin. */
async function expectServedImage(url: string | null) {
  expect(url).toMatch(/^https?:\/\//)
  const res = await fetch(url!)
  expect(res.status, url!).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^image\//)
}

const jstPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/

async function open(path: string): Promise<Page> {
  const page = await browser.newPage()
  const res = await page.goto(`${siteUrl}${path}`)
  expect(res?.status()).toBe(200)
  return page
}

describe('a story page', () => {
  it('uses the SEO title and description, the default share image, and carries an Article', async () => {
    const page = await open(`/stories/${story.slug}`)
    expect(await page.title()).toBe(`${story.meta!.title}｜えすこポータル`)
    expect(await metaContent(page, 'og:title')).toBe(story.meta!.title)
    expect(await metaContent(page, 'description')).toBe(story.meta!.description)
    expect(await metaContent(page, 'og:description')).toBe(story.meta!.description)
    expect(await metaContent(page, 'twitter:card')).toBe('summary_large_image')
    // The story has no picture: the portal's default image is shared.
    const image = await metaContent(page, 'og:image')
    expect(new URL(image!).pathname).toBe('/og-default.png')
    await expectServedImage(image)
    // The page itself still shows the story's own title.
    expect(await page.locator('main h1').innerText()).toBe(story.title)

    const nodes = await structuredData(page)
    const [article] = ofType(nodes, 'Article')
    expect(article).toMatchObject({ headline: story.title, description: story.meta!.description, inLanguage: 'ja' })
    expect(article!.datePublished).toMatch(jstPattern)
    expect(article!.dateModified).toMatch(jstPattern)
    expect(article!.image).toEqual([image])
    expect(article!.mainEntityOfPage).toBe(await page.locator('head link[rel="canonical"]').getAttribute('href'))
    // Author and publisher are the city's programme, declared in the same document.
    const org = ofType(nodes, 'GovernmentOrganization')[0]!
    expect(org).toMatchObject({ name: '雲南市', alternateName: 'えすこな雲南市' })
    expect(article!.author).toEqual({ '@id': org['@id'] })
    expect(article!.publisher).toEqual({ '@id': org['@id'] })
    expect(JSON.stringify(nodes)).not.toContain('"Person"')
    const crumbs = ofType(nodes, 'BreadcrumbList')[0]!.itemListElement as { name: string }[]
    expect(crumbs.map((c) => c.name)).toEqual(['ホーム', 'ストーリー', story.title])
    await page.close()
  })

  it('a story without SEO values keeps its own title, lead and hero image', async () => {
    const plain = STORIES.find((s) => s.status === 'published' && !s.meta && s.heroImage)!
    const page = await open(`/stories/${plain.slug}`)
    expect(await metaContent(page, 'og:title')).toBe(plain.title)
    expect(await metaContent(page, 'description')).toBe(plain.lead)
    const image = await metaContent(page, 'og:image')
    expect(new URL(image!).pathname).toMatch(/^\/api\/media\/file\//)
    await expectServedImage(image)
    expect(ofType(await structuredData(page), 'Article')[0]!.image).toEqual([image])
    await page.close()
  })

  it('a title written to break out of the JSON-LD script stays text', async () => {
    const title = `</script><script>window.__pwned=1</script><!-- ${unique('x')}`
    const created = await createAsEditor<{ slug: string }>(cmsUrl, 'stories', {
      title,
      slug: unique('seo-injection'),
      lead: '見出しに記号を含むストーリーです。',
      origin: 'editorial',
      reviewStatus: 'published',
      _status: 'published',
      consent: { photo: false },
      meta: { description: '説明にも </script> を含めます & <b>太字</b>' },
    })
    const page = await open(`/stories/${created.slug}`)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    const article = ofType(await structuredData(page), 'Article')[0]!
    expect(article.headline).toBe(title)
    expect(article.description).toBe('説明にも </script> を含めます & <b>太字</b>')
    expect(await page.locator('main h1').innerText()).toBe(title)
    await page.close()
  })
})

describe('an event page', () => {
  it('uses the SEO values and share image, and carries an Event in Japan time with its place and offer', async () => {
    const page = await open(`/events/${event.slug}`)
    expect(await page.title()).toBe(`${event.meta!.title}｜えすこポータル`)
    expect(await metaContent(page, 'og:title')).toBe(event.meta!.title)
    expect(await metaContent(page, 'description')).toBe(event.meta!.description)
    const image = await metaContent(page, 'og:image')
    expect(new URL(image!).pathname).toMatch(/^\/api\/media\/file\/demo-furumai-market/)
    await expectServedImage(image)

    const nodes = await structuredData(page)
    const [ld] = ofType(nodes, 'Event')
    expect(ld).toMatchObject({
      name: event.title,
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: event.venue,
        address: { '@type': 'PostalAddress', addressCountry: 'JP', addressRegion: '島根県', addressLocality: `雲南市${event.town}` },
      },
      image: [image],
      offers: { '@type': 'Offer', availability: 'https://schema.org/InStock' },
    })
    // The same instants as the seed, written in Japan time.
    expect(ld!.startDate).toMatch(jstPattern)
    expect(Date.parse(ld!.startDate as string)).toBe(Date.parse(event.startsAt))
    expect(Date.parse(ld!.endDate as string)).toBe(Date.parse(event.endsAt))
    expect(ofType(nodes, 'GovernmentOrganization')[0]!['@id']).toBe((ld!.organizer as Node)['@id'])
    await page.close()
  })

  it('a cancelled event is marked cancelled and offers nothing', async () => {
    const page = await open(`/events/${cancelled.slug}`)
    const ld = ofType(await structuredData(page), 'Event')[0]!
    expect(ld.eventStatus).toBe('https://schema.org/EventCancelled')
    expect(ld).not.toHaveProperty('offers')
    expect(await metaContent(page, 'og:title')).toBe(cancelled.title)
    await page.close()
  })
})

describe('a plan page and the home page', () => {
  it('a plan is found by its id with its SEO title and description', async () => {
    const { docs } = await findDocs<{ id: number }>(cmsUrl, 'plans', `where[title][equals]=${encodeURIComponent(plan.title)}`)
    const page = await open(`/plans/${docs[0]!.id}`)
    expect(await page.title()).toBe(`${plan.meta!.title}｜えすこポータル`)
    expect(await metaContent(page, 'description')).toBe(plan.meta!.description)
    const crumbs = ofType(await structuredData(page), 'BreadcrumbList')[0]!.itemListElement as { name: string }[]
    expect(crumbs.map((c) => c.name)).toEqual(['ホーム', 'プラン', plan.title])
    await page.close()
  })

  it('the home page names the site and the city', async () => {
    const page = await open('/')
    const nodes = await structuredData(page)
    expect(ofType(nodes, 'WebSite')[0]).toMatchObject({ name: 'えすこポータル', inLanguage: 'ja' })
    expect(ofType(nodes, 'GovernmentOrganization')[0]).toMatchObject({ name: '雲南市' })
    await page.close()
  })
})

describe('the admin', () => {
  it('offers the SEO fields on a story in Japanese', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await adminLogin(page, cmsUrl)
    await page.goto(`${cmsUrl}/admin/collections/stories/create`)
    const group = page.locator('#field-meta, .group-field').filter({ hasText: '検索・SNSでの表示（SEO）' }).first()
    await group.waitFor({ timeout: 60_000 })
    // Payload draws a form's fields as they scroll into view.
    await group.scrollIntoViewIfNeeded()
    await group.getByText('検索・共有用のタイトル').waitFor({ timeout: 30_000 })
    await group.getByText('検索結果での見え方').waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    const text = await group.innerText()
    for (const words of [
      '検索・共有用のタイトル',
      '検索・共有用の説明文',
      '共有用画像',
      '自動で入力',
      '検索結果での見え方',
      '未入力（標準の表示）',
    ])
      expect(text, words).toContain(words)
    for (const english of [/Meta Image/i, /Overview/i, /Preview/i, /characters/i, /must be/i, /必要があります/])
      expect(text.match(english)?.[0], String(english)).toBeUndefined()
    await context.close()
  })
})
