import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'
import { createAsEditor, findDocs, metaContent, textsWithoutReadings, textWithoutReadings, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const featured = STORIES.filter((s) => s.featured && s.status === 'published').sort(
  (a, b) => (a.featuredOrder ?? 100) - (b.featuredOrder ?? 100),
)[0]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

type PublicStory = {
  id: number
  citizens?: ({ displayName: string; slug: string } | number)[]
  organisations?: ({ name: string; slug: string } | number)[]
}

describe('reading a story', () => {
  it('goes from the home page to the featured story, with body, people, share links and Open Graph tags', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/`)
    const card = page.locator('.story-list li').first()
    expect(await card.locator('h3').innerText()).toBe(featured.title)
    await card.getByRole('link', { name: featured.title }).click()
    await page.waitForURL(`${siteUrl}/stories/${featured.slug}`)

    // Title, lead and the rich-text body.
    expect(await page.locator('main h1').innerText()).toBe(featured.title)
    expect(await textWithoutReadings(page.locator('main .lead'))).toBe(featured.lead)
    const body = await page.locator('main article .prose').innerText()
    expect(body).toContain('つながりのきっかけ')
    expect(body.length).toBeGreaterThan(100)

    // The people/organisations section lists exactly what the public may see of this story's relations.
    const { docs } = await findDocs<PublicStory>(cmsUrl, 'stories', `where[slug][equals]=${featured.slug}&depth=1`)
    const expected = [
      ...(docs[0].citizens ?? []).flatMap((c) => (typeof c === 'object' ? [{ name: c.displayName, href: `/citizens/${c.slug}` }] : [])),
      ...(docs[0].organisations ?? []).flatMap((o) => (typeof o === 'object' ? [{ name: o.name, href: `/organisations/${o.slug}` }] : [])),
    ]
    const section = page.locator('section[aria-labelledby="people-heading"]')
    if (expected.length === 0) {
      expect(await section.count()).toBe(0)
    } else {
      expect(await section.locator('h2').innerText()).toBe('このストーリーの人と団体')
      const links = await section.locator('li a').evaluateAll((as) =>
        as.map((a) => {
          // The name as written: furigana (rt/rp) left out.
          const copy = a.cloneNode(true) as Element
          for (const reading of copy.querySelectorAll('rt, rp')) reading.remove()
          return { name: copy.textContent, href: a.getAttribute('href') }
        }),
      )
      expect(links).toEqual(expected)
    }

    // Share links carry the story's canonical URL (and title for X); the URL box shows it too.
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href')
    expect(canonical).toMatch(new RegExp(`/stories/${featured.slug}$`))
    const share = page.locator('section[aria-labelledby="share-heading"]')
    const encoded = encodeURIComponent(canonical!)
    expect(await share.getByRole('link', { name: /LINEで送る/ }).getAttribute('href')).toBe(
      `https://social-plugins.line.me/lineit/share?url=${encoded}`,
    )
    expect(await share.getByRole('link', { name: /Xでポスト/ }).getAttribute('href')).toBe(
      `https://x.com/intent/post?url=${encoded}&text=${encodeURIComponent(featured.title)}`,
    )
    expect(await share.getByRole('link', { name: /Facebookでシェア/ }).getAttribute('href')).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encoded}`,
    )
    expect(await share.locator('#share-url').inputValue()).toBe(canonical)

    // Open Graph tags in <head>.
    expect(await metaContent(page, 'og:title')).toBe(featured.title)
    expect(await metaContent(page, 'og:description')).toBe(featured.lead)
    expect(await metaContent(page, 'og:type')).toBe('article')
    expect(await metaContent(page, 'og:url')).toBe(canonical)
    expect(await metaContent(page, 'og:site_name')).toBe('えすこポータル')
    expect(await page.title()).toBe(`${featured.title}｜えすこポータル`)
    await page.close()
  })

  it('lists the citizens and organisations of a story and links to their pages', async () => {
    // Made here so the section is exercised whatever the demo content holds.
    const org = await createAsEditor<{ id: number; slug: string; name: string }>(cmsUrl, 'organisations', {
      name: `えすこ試験団体 ${unique('o')}`,
      kind: 'npo',
      published: true,
    })
    const citizen = await createAsEditor<{ id: number; slug: string; displayName: string }>(cmsUrl, 'citizens', {
      displayName: `試験のえすこさん ${unique('c')}`,
      town: '木次町',
      intro: '散歩ついでの声かけ名人',
      status: 'registered',
      consent: { publication: true },
    })
    const story = await createAsEditor<{ slug: string; title: string }>(cmsUrl, 'stories', {
      title: `人と団体のあるストーリー ${unique('s')}`,
      lead: '試験用のストーリーです。',
      town: '木次町',
      citizens: [citizen.id],
      organisations: [org.id],
      _status: 'published',
    })

    const page = await browser.newPage()
    const response = await page.goto(`${siteUrl}/stories/${story.slug}`)
    expect(response?.status()).toBe(200)
    const section = page.locator('section[aria-labelledby="people-heading"]')
    expect(await textsWithoutReadings(section.locator('li'))).toEqual([
      `${citizen.displayName}（木次町）— 散歩ついでの声かけ名人`,
      `${org.name}（NPO・市民団体）`,
    ])

    await section.getByRole('link', { name: citizen.displayName }).click()
    await page.waitForURL(`${siteUrl}/citizens/${citizen.slug}`)
    expect(await page.locator('main h1').innerText()).toBe(citizen.displayName)
    expect(await page.locator('section[aria-labelledby="stories-heading"] h3').allInnerTexts()).toContain(story.title)

    await page.goto(`${siteUrl}/stories/${story.slug}`)
    await section.getByRole('link', { name: org.name }).click()
    await page.waitForURL(`${siteUrl}/organisations/${org.slug}`)
    expect(await page.locator('main h1').innerText()).toBe(org.name)
    await page.close()
  })
})
