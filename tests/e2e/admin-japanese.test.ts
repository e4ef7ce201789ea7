// Issue 13, point 5: the admin speaks Japanese throughout, even to a browser that asks for English and lives on
// another clock; the site answers a report year outside the programme with its Japanese 404 page.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'

const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const PASSWORD = 'e2e-demo-password'
const ADMIN = { email: 'admin@esuko.example', password: PASSWORD } as const
const COORDINATOR = { email: 'coordinator@esuko.example', password: PASSWORD } as const

/** What Payload prints when it falls back to English or to raw values. */
const DENIED: [string, RegExp][] = [
  ['untitled', /Untitled/i],
  ['an empty relationship', /<No /],
  ['a raw boolean', /\b(true|false)\b/],
  ['an English timezone', /Midway|\(UTC[+-]/],
  ['the timezone question', /タイムゾーン/],
  ['an English column', /Created At|Updated At/],
  ['an English not-found', /Not Found|Nothing found/i],
  ['a US date', /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d|\d{1,2}\/\d{1,2}\/\d{4}/],
]

/** Every collection an admin sees in the navigation. */
const COLLECTIONS = [
  'stories',
  'citizens',
  'connections',
  'plans',
  'support-offers',
  'events',
  'event-registrations',
  'organisations',
  'cheers',
  'survey-responses',
  'official-survey-results',
  'survey-code-batches',
  'participants',
  'media',
  'deletion-requests',
  'users',
  'audit-log',
  'payload-jobs',
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** Logged in from a browser set to American English on Midway Island's clock: neither may leak into the admin. */
async function loggedIn(account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Pacific/Midway' })
  const page = await context.newPage()
  await page.goto(`${cmsUrl}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  return page
}

/** The visible text of an admin page once Payload has rendered its view. */
async function visibleText(page: Page, path: string): Promise<string> {
  await page.goto(`${cmsUrl}${path}`)
  await page.locator('h1').first().waitFor({ timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  return page.locator('body').innerText()
}

const expectJapanese = (text: string, where: string) => {
  for (const [what, pattern] of DENIED) expect(text.match(pattern)?.[0], `${where}: ${what}`).toBeUndefined()
}

describe('the admin in Japanese', () => {
  let admin: Page
  beforeAll(async () => {
    admin = await loggedIn(ADMIN)
  })
  afterAll(() => admin?.context().close())

  it.each(COLLECTIONS)('the %s list and create form show no English or raw values', async (slug) => {
    expectJapanese(await visibleText(admin, `/admin/collections/${slug}`), `${slug} list`)
    expectJapanese(await visibleText(admin, `/admin/collections/${slug}/create`), `${slug} create`)
  })

  it.each([
    ['connections', /^\d{4}年\d{1,2}月\d{1,2}日$/],
    ['events', /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/],
  ])('writes the dates of the %s list the Japanese way', async (slug, pattern) => {
    await visibleText(admin, `/admin/collections/${slug}`)
    // Cells render on the client: wait for the first dated one rather than reading the page once.
    const cell = admin.locator('tbody td', { hasText: /\d{4}年/ }).first()
    await cell.waitFor({ timeout: 30_000 })
    expect((await cell.innerText()).trim()).toMatch(pattern)
  })

  it('shows checkbox columns as はい/いいえ', async () => {
    const text = await visibleText(admin, '/admin/collections/survey-responses')
    expect(text).toMatch(/はい|いいえ/)
  })
})

describe('forms a coordinator fills', () => {
  let coordinator: Page
  beforeAll(async () => {
    coordinator = await loggedIn(COORDINATOR)
  })
  afterAll(() => coordinator?.context().close())

  it('records a connection with no timezone question and a Japanese title', async () => {
    const text = await visibleText(coordinator, '/admin/collections/connections/create')
    expectJapanese(text, 'connection create')
    expect(await coordinator.locator('h1').first().innerText()).toContain('新規作成')
    expect(await coordinator.locator('#field-connectedAt input').count()).toBe(1)
    expect(await coordinator.locator('.timezone-picker, .timezone-picker-wrapper').count()).toBe(0)
  })

  it('sees and can fill a new citizen’s name, contact and notes before the first save', async () => {
    await visibleText(coordinator, '/admin/collections/citizens/create')
    await coordinator.getByRole('button', { name: '同意と非公開情報' }).click()
    for (const name of ['private.legalName', 'private.email', 'private.phone', 'private.notes']) {
      const input = coordinator.locator(`[name="${name}"]`)
      await input.waitFor({ timeout: 30_000 })
      expect(await input.isEditable(), name).toBe(true)
    }
  })
})

describe('the site outside the programme years', () => {
  it.each(['/report/2019', '/report/1999', '/progress?fy=2019'])('%s answers the Japanese 404 page', async (path) => {
    const res = await fetch(`${siteUrl}${path}`)
    expect(res.status).toBe(404)
    const body = await res.text()
    expect(body).toContain('ページが見つかりません')
    expect(body).not.toMatch(/Not found/i)
  })

  it('an open-data file of a year outside the programme says so in Japanese', async () => {
    const res = await fetch(`${siteUrl}/open-data/summary.csv?fy=2019`)
    expect(res.status).toBe(404)
    expect(await res.text()).toMatch(/^データが見つかりません/)
  })
})
