import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const firstFeatured = STORIES.filter((s) => s.featured && s.status === 'published').sort(
  (a, b) => (a.featuredOrder ?? 100) - (b.featuredOrder ?? 100),
)[0]
const draft = STORIES.find((s) => s.status === 'draft')!

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('public site (production build)', () => {
  it('shows the seeded featured story on the home page and opens it', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/`)
    expect(await page.getAttribute('html', 'lang')).toBe('ja')
    const firstCard = page.locator('.story-list li').first()
    expect(await firstCard.locator('h3').innerText()).toBe(firstFeatured.title)

    await firstCard.locator('a').first().click()
    await page.waitForURL(`${siteUrl}/stories/${firstFeatured.slug}`)
    expect(await page.locator('h1').innerText()).toBe(firstFeatured.title)
    expect(await page.locator('.prose h2').first().innerText()).toBe('つながりのきっかけ')
    await page.close()
  })

  it('answers a draft story with the Japanese 404 page', async () => {
    const page = await browser.newPage()
    const response = await page.goto(`${siteUrl}/stories/${draft.slug}`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').innerText()).toBe('ページが見つかりません')
    expect(await page.content()).not.toContain(draft.title)
    await page.close()
  })
})

describe('admin (production build)', () => {
  it('lets an editor log in and reach the stories collection', async () => {
    const page = await browser.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    await page.fill('input[name="email"]', 'editor@esuko.example')
    await page.fill('input[name="password"]', 'e2e-demo-password')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })

    // Found through the list's own search: other browser tests add stories, so it need not be on the first page.
    await page.goto(`${cmsUrl}/admin/collections/stories?search=${encodeURIComponent(firstFeatured.title)}`)
    await page.getByText(firstFeatured.title).first().waitFor({ timeout: 60_000 })
    await page.close()
  })

  it('refuses a wrong password', async () => {
    const response = await fetch(`${cmsUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@esuko.example', password: 'not-the-password' }),
    })
    expect(response.status).toBe(401)
  })
})
