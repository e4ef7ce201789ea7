// The site search from a resident's side, with JavaScript off: the header form, the results page with the match
// marked, a hostile query shown as text, and the suggestions when nothing matches.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { createAsEditor, noJsContext, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser
let context: BrowserContext
let story: { slug: string; title: string }
const code = unique('kw').replace(/[^a-z0-9]/g, '')

beforeAll(async () => {
  browser = await launchBrowser()
  context = await noJsContext(browser)
  story = await createAsEditor<{ slug: string; title: string }>(cmsUrl, 'stories', {
    title: `ズッキーニ畑の${code}`,
    lead: '三刀屋で、ｽﾏﾎを使った野菜の写真交換が始まりました。',
    town: '三刀屋町',
    _status: 'published',
  })
})
afterAll(() => browser?.close())

describe('site search', () => {
  it('header form → results page with the match marked (hiragana finds katakana)', async () => {
    const page = await context.newPage()
    await page.goto(`${siteUrl}/`)
    const form = page.getByRole('search', { name: 'サイト内検索' })
    await form.getByLabel('サイト内検索').fill(`ずっきーに ${code.toUpperCase()}`)
    await form.getByRole('button', { name: '検索' }).click()
    await page.waitForURL(/\/search\?q=/)
    const results = page.locator('ol.search-results li')
    expect(await results.count()).toBe(1)
    await expect.poll(() => results.locator('h2 a').getAttribute('href')).toBe(`/stories/${story.slug}`)
    expect(await results.locator('h2 mark').allInnerTexts()).toEqual(['ズッキーニ', code])
    await page.close()
  })

  it('finds the half-width text of the lead and marks it as written', async () => {
    const page = await context.newPage()
    await page.goto(`${siteUrl}/search?q=${encodeURIComponent(`スマホ ${code}`)}`)
    expect(await page.locator('ol.search-results li p mark').allInnerTexts()).toContain('ｽﾏﾎ')
    await page.close()
  })

  it('shows a hostile query as text, never as markup', async () => {
    const page = await context.newPage()
    const response = await page.goto(`${siteUrl}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('main h1').innerText()).toContain('<script>alert(1)</script>')
    expect(await page.locator('main script').count()).toBe(0)
    expect(await page.locator('#search-page-q').inputValue()).toBe('<script>alert(1)</script>')
    await page.close()
  })

  it('suggests themes and towns when nothing matches, and explains an empty or long query', async () => {
    const page = await context.newPage()
    await page.goto(`${siteUrl}/search?q=${encodeURIComponent('ぴらにあ養殖')}`)
    expect(await page.locator('#no-results').innerText()).toContain('見つかりませんでした')
    expect(await page.locator('a[href^="/stories?theme="]').count()).toBeGreaterThan(0)
    expect(await page.locator('a[href^="/stories?town="]').count()).toBe(6)
    await page.goto(`${siteUrl}/search?q=`)
    expect(await page.locator('main [role="status"]').innerText()).toContain('入力して')
    const long = await page.goto(`${siteUrl}/search?q=${'あ'.repeat(150)}`)
    expect(long?.status()).toBe(200)
    expect(await page.locator('main [role="alert"]').innerText()).toContain('100文字以内')
    await page.close()
  })
})
