// Japanese that reads well, in a real browser: furigana over place names and people's names, the easy-Japanese
// summary opened without JavaScript, headings broken only between phrases on a narrow screen.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { CITIZENS } from '../../cms/seed/citizens'
import { STORIES } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'
import { createAsEditor, describeViolations, noJsContext, seriousViolations, textWithoutReadings, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const story = STORIES.find((s) => s.status === 'published' && s.easySummary && s.lead.includes('大東町'))!
const citizen = CITIZENS.find((c) => c.displayNameReading && c.status === 'registered' && c.consent.publication)!

let browser: Browser
let noJs: BrowserContext
beforeAll(async () => {
  browser = await launchBrowser()
  noJs = await noJsContext(browser)
})
afterAll(() => browser?.close())

/** Every ruby on the page as base → reading. */
const rubies = (page: Page, selector: string) =>
  page.locator(`${selector} ruby`).evaluateAll((rs) =>
    rs.map((r) => {
      const copy = r.cloneNode(true) as Element
      const reading = copy.querySelector('rt')?.textContent ?? ''
      for (const n of copy.querySelectorAll('rt, rp')) n.remove()
      return `${copy.textContent}→${reading}`
    }),
  )

/**
 * Where the heading's lines start, as offsets into its text without readings, and where it may break (the `<wbr>`
 * between phrases): measured from the laid-out characters, so it is what the reader sees.
 */
const headingLines = (page: Page, selector: string) =>
  page.locator(selector).evaluate((heading) => {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
    const lineStarts: number[] = []
    const allowed: number[] = [0]
    let offset = 0
    let lastTop = -Infinity
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (node.tagName === 'WBR') allowed.push(offset)
        continue
      }
      if (node.parentElement?.closest('rt, rp')) continue
      const text = node.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        // A space is a break opportunity in every browser and every word-break mode.
        if (/\s/.test(text[i]!)) allowed.push(offset + i + 1)
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const top = range.getBoundingClientRect().top
        if (top > lastTop + 4) lineStarts.push(offset + i)
        lastTop = Math.max(lastTop, top)
      }
      offset += text.length
    }
    return { lineStarts, allowed }
  })

describe('furigana', () => {
  it('puts readings over the place names of a story, once per section, and over the people named in it', async () => {
    const page = await noJs.newPage()
    expect((await page.goto(`${siteUrl}/stories/${story.slug}`))?.status()).toBe(200)

    // The lead reads as written, with the readings on top.
    expect(await textWithoutReadings(page.locator('main .lead'))).toBe(story.lead)
    expect(await rubies(page, 'main .lead')).toEqual(expect.arrayContaining(['大東→だいとう', '山王寺→さんのうじ']))
    // Lead and body are one section: a name read in the lead is not read again in the body.
    const lead = await rubies(page, 'main .lead')
    const body = await rubies(page, 'main article .prose')
    expect(body.filter((r) => lead.includes(r))).toEqual([])
    // The town tag has its reading too.
    expect(await rubies(page, 'main article:has(> h1) > .tags')).toEqual(['大東→だいとう'])

    // No reading ever lands inside an attribute.
    const attributes = await page.locator('body *').evaluateAll((els) => els.flatMap((e) => [...e.attributes].map((a) => a.value)))
    expect(attributes.filter((v) => /<ruby|<rt|<wbr/.test(v))).toEqual([])
    await page.close()
  })

  it('shows a citizen’s reading over the display name on the profile and the list', async () => {
    const page = await noJs.newPage()
    await page.goto(`${siteUrl}/citizens/${citizen.slug}`)
    expect(await rubies(page, 'main h1')).toEqual([`${citizen.displayName}→${citizen.displayNameReading}`])
    expect(await textWithoutReadings(page.locator('main h1'))).toBe(citizen.displayName)

    await page.goto(`${siteUrl}/citizens?town=${encodeURIComponent(citizen.town)}`)
    const card = page.locator('.card', { has: page.locator(`a[href="/citizens/${citizen.slug}"]`) })
    expect(
      await rubies(page, `.card:has(a[href="/citizens/${citizen.slug}"]) h2, .card:has(a[href="/citizens/${citizen.slug}"]) h3`),
    ).toEqual([`${citizen.displayName}→${citizen.displayNameReading}`])
    expect(await card.count()).toBe(1)
    await page.close()
  })
})

describe('a reader who hides the furigana', () => {
  it('hides and shows them again from the footer, without JavaScript, on every page', async () => {
    const context = await noJsContext(browser)
    const page = await context.newPage()
    const url = `${siteUrl}/stories/${story.slug}?from=toggle`
    await page.goto(url)
    const firstRt = page.locator('main .lead rt').first()
    expect(await firstRt.isVisible()).toBe(true)

    await page.getByRole('button', { name: 'ふりがなを隠す' }).click()
    await page.waitForURL(url)
    expect(await page.locator('main .lead ruby').count()).toBeGreaterThan(0)
    expect(await firstRt.isVisible()).toBe(false)
    // The names read as written, nothing lost.
    expect(await page.locator('main .lead').innerText()).toBe(story.lead)
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'esuko_furigana')
    expect(cookie).toMatchObject({ value: 'off', httpOnly: true, sameSite: 'Lax' })

    // Another page, still hidden; then shown again.
    await page.goto(`${siteUrl}/citizens/${citizen.slug}`)
    expect(await page.locator('main h1 rt').isVisible()).toBe(false)
    await page.getByRole('button', { name: 'ふりがなを表示' }).click()
    await page.waitForURL(`${siteUrl}/citizens/${citizen.slug}`)
    expect(await page.locator('main h1 rt').isVisible()).toBe(true)
    expect((await context.cookies()).some((c) => c.name === 'esuko_furigana')).toBe(false)
    await context.close()
  })

  it('is sent back only to a page of this site', async () => {
    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example/']) {
      const response = await fetch(`${siteUrl}/settings/furigana?show=0&back=${encodeURIComponent(back)}`, { redirect: 'manual' })
      expect(response.status, back).toBe(303)
      expect(new URL(response.headers.get('location')!, siteUrl).origin, back).toBe(new URL(siteUrl).origin)
    }
  })
})

describe('やさしい日本語', () => {
  it('is closed at first and opens without JavaScript', async () => {
    const page = await noJs.newPage()
    await page.goto(`${siteUrl}/stories/${story.slug}`)
    const details = page.locator('details.easy-japanese')
    expect(await details.locator('summary').innerText()).toBe('やさしい日本語で読む')
    expect(await details.getAttribute('open')).toBeNull()
    const summary = details.locator('p[lang="ja"]')
    expect(await summary.isVisible()).toBe(false)

    await details.locator('summary').click()
    expect(await details.getAttribute('open')).not.toBeNull()
    expect(await summary.isVisible()).toBe(true)
    expect((await textWithoutReadings(summary)).replace(/\s+/g, '')).toBe(story.easySummary!.replace(/\s+/g, ''))
    await page.close()
  })

  it('is not there when the editors wrote none', async () => {
    const without = STORIES.find((s) => s.status === 'published' && !s.easySummary)!
    const page = await noJs.newPage()
    await page.goto(`${siteUrl}/stories/${without.slug}`)
    expect(await page.locator('details.easy-japanese').count()).toBe(0)
    await page.close()
  })
})

describe('headings broken between phrases', () => {
  it('wraps a long title on a phone only where BudouX allows, in a browser told nothing about phrases', async () => {
    // Every phrase fits on a line of a 360px phone (a phrase wider than the line may still wrap inside).
    const title = `三刀屋町の交流センターで、みんなの台所が毎週ひらかれます ${unique('t')}`
    const doc = await createAsEditor<{ slug: string }>(cmsUrl, 'stories', {
      title,
      lead: '見出しの折り返しを確かめるストーリーです。',
      town: '三刀屋町',
      _status: 'published',
    })
    // axe and the style below are injected, which the site's CSP (rightly) forbids: this page bypasses it.
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/stories/${doc.slug}`)
    // Chromium would honour auto-phrase by itself: switch it off to see what Safari and Firefox do with the markup.
    await page.addStyleTag({ content: 'h1, h2, h3 { word-break: normal !important; }' })
    const { lineStarts, allowed } = await headingLines(page, 'main h1 .phrases')
    expect(lineStarts.length, 'the title wraps on a 360px screen').toBeGreaterThan(1)
    for (const start of lineStarts) expect(allowed, `a line starts at ${start}`).toContain(start)

    const violations = await seriousViolations(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await context.close()
  })
})
