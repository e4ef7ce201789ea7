// The admin dashboard on the production build: the KPI section for staff, the digest for organisations.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { EDITOR } from '../helpers/site'

const cmsUrl = inject('cmsUrl')
const ORGANISATION = { email: 'org@esuko.example', password: 'e2e-demo-password' } as const

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function loggedIn(account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${cmsUrl}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  return page
}

describe('admin dashboard', () => {
  it('shows the editor six KPIs with progress bars and accessible SVG trend charts, and the moderation inbox', async () => {
    const page = await loggedIn(EDITOR)
    await page.goto(`${cmsUrl}/admin`)
    const section = page.locator('section[aria-labelledby="esuko-kpi-heading"]')
    await section.waitFor({ timeout: 60_000 })
    expect(await section.locator('h2').innerText()).toMatch(/^令和\d+年度の重要業績評価指標（KPI）$/)

    const cards = section.locator('li[data-kpi]')
    expect(await cards.count()).toBe(6)
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-kpi')))).toEqual([
      'survey',
      'citizens',
      'participants',
      'plansPublished',
      'plansRealised',
      'organisations',
    ])
    // KPI 1 comes from the official survey results (a yearly figure): its card states them and has no monthly chart.
    expect(await cards.first().innerText()).toContain('市民意識調査')
    const charts = section.locator('svg[role="img"]')
    expect(await charts.count()).toBe(5)
    for (const chart of await charts.all()) {
      expect(await chart.locator('title').count()).toBe(1)
      // The accessible name carries the figures, month by month.
      expect(await chart.getAttribute('aria-label')).toMatch(/4月 /)
    }
    expect(await section.locator('[role="progressbar"]').count()).toBe(6)
    expect(await section.locator('[role="progressbar"]').first().getAttribute('aria-valuetext')).toBeTruthy()

    // The inbox links to the filtered admin lists.
    const inbox = page.locator('section[aria-labelledby="esuko-inbox-heading"]')
    expect(await inbox.locator('li[data-inbox]').count()).toBe(5)
    expect(await inbox.locator('li[data-inbox="plans"] a').getAttribute('href')).toContain('/admin/collections/plans?where')

    // The fiscal-year switcher is a plain link.
    const previous = section.locator('nav[aria-label="年度の切り替え"] a').nth(1)
    const href = await previous.getAttribute('href')
    expect(href).toMatch(/\/admin\?fy=\d{4}$/)
    await page.goto(`${cmsUrl}${href}`)
    await page.locator(`section[data-fiscal-year="${href!.slice(-4)}"]`).waitFor({ timeout: 60_000 })
    await page.context().close()
  })

  it('shows an organisation manager their digest link and digest, and no KPI figures', async () => {
    const page = await loggedIn(ORGANISATION)
    await page.goto(`${cmsUrl}/admin`)
    const callout = page.locator('section[aria-labelledby="esuko-digest-callout-heading"]')
    await callout.waitFor({ timeout: 60_000 })
    expect(await page.locator('section[aria-labelledby="esuko-kpi-heading"]').count()).toBe(0)
    expect(await page.locator('section[aria-labelledby="esuko-inbox-heading"]').count()).toBe(0)

    await callout.getByRole('link', { name: 'フィードバックを見る' }).click()
    await page.waitForURL(`${cmsUrl}/admin/digest`)
    await page.locator('h1', { hasText: 'NPO法人 みとや みんなの台所へのフィードバック' }).waitFor({ timeout: 60_000 })
    expect(await page.locator('#digest-stories').innerText()).toBe('えすこストーリー')
    const csv = await page.getByRole('link', { name: /CSVでダウンロード/ }).getAttribute('href')
    expect(csv).toMatch(/^\/api\/organisations\/\d+\/digest\.csv$/)

    // The CSV answers with the manager's session; another organisation's digest does not.
    const own = await page.request.get(`${cmsUrl}${csv}`)
    expect(own.status()).toBe(200)
    expect(own.headers()['content-disposition']).toMatch(/^attachment;/)
    expect((await own.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const ownId = Number(csv!.split('/')[3])
    const other = await page.request.get(`${cmsUrl}/api/organisations/${ownId === 1 ? 2 : 1}/digest.csv`)
    expect(other.status()).toBe(403)
    await page.context().close()
  })
})
