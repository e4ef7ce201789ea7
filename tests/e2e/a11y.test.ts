// axe-core on every kind of public page: no serious or critical WCAG 2.1 A/AA violations.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'
import { createAsEditor, createOpenEvent, describeViolations, seriousViolations, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const story = STORIES.find((s) => s.status === 'published' && s.featured)!

let browser: Browser
let context: BrowserContext
// Pages whose content this file creates, so each page type is checked whatever the demo content holds.
const made = { citizen: '', plan: '', event: '', organisation: '' }

beforeAll(async () => {
  browser = await launchBrowser()
  // axe is injected as a script, which the site's CSP (rightly) forbids: the audit page bypasses it.
  context = await browser.newContext({ bypassCSP: true })
  const org = await createAsEditor<{ id: number; slug: string }>(cmsUrl, 'organisations', {
    name: `アクセシビリティ確認の会 ${unique('o')}`,
    kind: 'jichi',
    town: '吉田町',
    summary: '画面の読みやすさを確かめる団体です。',
    contact: { phone: '0854-00-0000', website: 'https://example.jp/' },
    published: true,
  })
  const citizen = await createAsEditor<{ slug: string }>(cmsUrl, 'citizens', {
    displayName: `確認のえすこさん ${unique('c')}`,
    // Furigana over the name (ruby) is part of what is checked.
    displayNameReading: 'かくにんのえすこさん',
    town: '吉田町',
    intro: 'たたら製鉄の語り部',
    interests: '昔話',
    status: 'registered',
    consent: { publication: true },
  })
  const plan = await createAsEditor<{ id: number }>(cmsUrl, 'plans', {
    kind: 'use_skill',
    title: `確認用プラン ${unique('p')}`,
    description: '得意の木工で、集会所のベンチを直したいです。',
    town: '吉田町',
    proposerNickname: 'もっこう',
    status: 'published',
  })
  const event = await createOpenEvent(cmsUrl, {
    title: `確認用イベント ${unique('e')}`,
    capacity: 20,
    venue: '吉田交流センター',
    summary: '読みやすさの確認です。',
    participatingOrganisations: [org.id],
  })
  Object.assign(made, {
    citizen: `/citizens/${citizen.slug}`,
    plan: `/plans/${plan.id}`,
    event: `/events/${event.slug}`,
    organisation: `/organisations/${org.slug}`,
  })
})
afterAll(() => browser?.close())

async function expectAccessible(page: Page) {
  const violations = await seriousViolations(page)
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([])
}

const PAGES: [name: string, path: () => string, status?: number][] = [
  ['home', () => '/'],
  ['story list', () => '/stories'],
  ['story', () => `/stories/${story.slug}`],
  ['citizen list', () => '/citizens'],
  ['citizen', () => made.citizen],
  ['plan list', () => '/plans'],
  ['plan', () => made.plan],
  ['new plan form', () => '/plans/new'],
  ['event list', () => '/events'],
  ['event', () => made.event],
  ['organisation list', () => '/organisations'],
  ['organisation', () => made.organisation],
  ['nomination form', () => '/nominate'],
  ['survey', () => '/survey'],
  ['about', () => '/about'],
  ['privacy', () => '/privacy'],
  ['deletion request form', () => '/privacy/delete'],
  ['thank-you page', () => '/thanks/plan'],
  ['search results', () => `/search?q=${encodeURIComponent('たたら')}`],
  ['search with no results', () => `/search?q=${encodeURIComponent('ぴらにあ養殖')}`],
  ['404 page', () => '/no-such-page', 404],
]

describe('accessibility (axe-core, WCAG 2.1 A/AA, serious and critical)', () => {
  for (const [name, path, status = 200] of PAGES) {
    it(`${name}`, async () => {
      const page = await context.newPage()
      const response = await page.goto(`${siteUrl}${path()}`)
      expect(response?.status()).toBe(status)
      await expectAccessible(page)
      await page.close()
    })
  }

  it('new plan form with validation errors shown', async () => {
    const page = await context.newPage()
    await page.goto(`${siteUrl}/plans/new`)
    // Field validation answers before the spam guard's fill-time check, so no wait is needed here.
    await page.fill('#email', 'not-an-address')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'この内容で投稿する' }).click(),
    ])
    expect(response.status()).toBe(400)
    await page.waitForLoadState('domcontentloaded')
    expect(await page.locator('.field-error').count()).toBeGreaterThanOrEqual(5)
    await expectAccessible(page)
    await page.close()
  })
})
