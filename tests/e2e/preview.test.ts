// Issue 15 point 2: an editor opens a draft on the real site from the admin's preview button. The preview page
// says so (banner), is never indexed or stored, and leaves the public page — and the page cache — as they were.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { adminLogin, createAsEditor, editorToken, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser
let admin: Page
beforeAll(async () => {
  browser = await launchBrowser()
  admin = await (await browser.newContext()).newPage()
  await adminLogin(admin, cmsUrl)
})
afterAll(() => browser?.close())

type Story = { id: number; slug: string; title: string }

/** The preview link's path and query, opened on the site the tests run (the link's origin is SITE_PUBLIC_URL's). */
const onSite = (url: string) => {
  const parsed = new URL(url)
  return `${siteUrl}${parsed.pathname}${parsed.search}`
}

async function previewUrlFromApi(id: number): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/stories/${id}/preview-url`, { headers: { authorization: `JWT ${await editorToken(cmsUrl)}` } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { url: string }).url
}

/** A page in a context of its own: no admin cookie, as a resident (or whoever was sent the link) opens it. */
async function openAnonymously(url: string) {
  const page = await (await browser.newContext()).newPage()
  const response = await page.goto(url)
  return { page, response: response! }
}

describe('previewing a draft story', () => {
  it('opens from the admin’s preview button with the draft, a banner and noindex; never cached, and a 404 without the token', async () => {
    const slug = unique('preview-draft')
    const title = `下書きのプレビュー ${slug}`
    const story = await createAsEditor<Story>(cmsUrl, 'stories', { title, slug, origin: 'editorial', _status: 'draft' })

    await admin.goto(`${cmsUrl}/admin/collections/stories/${story.id}`)
    const button = admin.locator('a#preview-button')
    await button.waitFor({ timeout: 60_000 })
    const href = (await button.getAttribute('href'))!
    expect(new URL(href).pathname).toBe(`/stories/${slug}`)
    expect(new URL(href).searchParams.get('preview')).toMatch(/^\d+\.\d+\.[\w-]+$/)

    const { page, response } = await openAnonymously(onSite(href))
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('private, no-store')
    expect(response.headers()['x-robots-tag']).toBe('noindex')
    expect(response.headers()['etag']).toBeUndefined()
    expect(await page.locator('main h1').innerText()).toBe(title)
    expect(await page.locator('.preview-banner').innerText()).toContain('プレビュー（未公開）')
    expect(await page.locator('head meta[name="robots"]').getAttribute('content')).toBe('noindex')

    // The public URL of the draft, twice (a second read would be the page cache's), and forged or emptied tokens: 404.
    for (let i = 0; i < 2; i++) expect((await fetch(`${siteUrl}/stories/${slug}`)).status).toBe(404)
    const token = new URL(href).searchParams.get('preview')!
    const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    for (const bad of [forged, '', 'x'])
      expect((await fetch(`${siteUrl}/stories/${slug}?preview=${encodeURIComponent(bad)}`)).status).toBe(404)

    // The preview itself is rendered afresh each time, with the same headers.
    const again = await fetch(onSite(href))
    expect(again.status).toBe(200)
    expect(again.headers.get('cache-control')).toBe('private, no-store')
    expect(await again.text()).toContain(title)
  })

  it('shows the newer draft of a published story while its public page stays unchanged and cacheable', async () => {
    const slug = unique('preview-published')
    const published = `公開中のストーリー ${slug}`
    const draft = `編集中のストーリー ${slug}`
    const story = await createAsEditor<Story>(cmsUrl, 'stories', { title: published, slug, origin: 'editorial', _status: 'published' })
    const patched = await fetch(`${cmsUrl}/api/stories/${story.id}?draft=true`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${await editorToken(cmsUrl)}` },
      body: JSON.stringify({ title: draft, _status: 'draft' }),
    })
    expect(patched.status, await patched.clone().text()).toBe(200)

    // Warm the public page into the page cache first, then preview, then read the public page twice more.
    const before = await fetch(`${siteUrl}/stories/${slug}`)
    expect(await before.text()).toContain(published)
    const { page, response } = await openAnonymously(onSite(await previewUrlFromApi(story.id)))
    expect(response.status()).toBe(200)
    expect(await page.locator('main h1').innerText()).toBe(draft)
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${siteUrl}/stories/${slug}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).not.toContain('private')
      expect(res.headers.get('x-robots-tag')).toBeNull()
      const html = await res.text()
      expect(html).toContain(published)
      expect(html).not.toContain(draft)
      expect(html).not.toContain('preview-banner')
    }
  })
})
