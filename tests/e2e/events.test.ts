// Registering for an event until it is full, without JavaScript.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { createOpenEvent, findDocs, noJsContext, openForm, submitForm, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser
let noJs: BrowserContext
beforeAll(async () => {
  browser = await launchBrowser()
  noJs = await noJsContext(browser)
})
afterAll(() => browser?.close())

async function fillRegistration(page: Page, nickname: string) {
  await page.fill('#nickname', nickname)
  await page.fill('#partySize', '1')
  await page.selectOption('#town', '加茂町')
  await page.fill('#email', `${nickname}@example.jp`)
  await page.check('#consent')
}

describe('event registration', () => {
  it('takes registrations up to the capacity, each with a reference number, then offers the waiting list', async () => {
    const event = await createOpenEvent(cmsUrl, { title: `定員2名の試験イベント ${unique('e')}`, capacity: 2, venue: '加茂交流センター' })
    const url = `${siteUrl}/events/${event.slug}`

    // Three residents open the page while seats are still free.
    const pages = await Promise.all([noJs.newPage(), noJs.newPage(), noJs.newPage()])
    for (const page of pages) {
      expect((await openForm(page, url)).status()).toBe(200)
      expect(await page.locator('main h1').innerText()).toBe(event.title)
      expect(await page.locator('dd', { hasText: '名（残り' }).innerText()).toBe('2名（残り 2 名）')
    }
    for (const [i, page] of pages.entries()) await fillRegistration(page, `sanka${i + 1}`)

    for (const page of pages.slice(0, 2)) {
      const { postStatus, response } = await submitForm(page, page.getByRole('button', { name: '申し込む' }))
      expect(postStatus).toBe(303)
      expect(response.status()).toBe(200)
      expect(new URL(page.url()).pathname).toBe('/thanks/event')
      expect(await page.locator('main h1').innerText()).toBe('お申し込みを受け付けました')
      expect(await page.locator('#reference').innerText()).toMatch(/^E-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      expect(response.headers()['cache-control']).toBe('no-store')
      expect(await page.getByRole('link', { name: '元のページへ戻る' }).getAttribute('href')).toBe(`/events/${event.slug}`)
    }

    const third = pages[2]
    const { postStatus } = await submitForm(third, third.getByRole('button', { name: '申し込む' }))
    expect(postStatus).toBe(409)
    expect(await third.locator('#form-errors[role="alert"]').innerText()).toContain('定員に達したため、申し込みを締め切りました。')
    // Refused, the resident is offered the waiting list with what they typed kept.
    expect(await third.getByRole('button', { name: 'キャンセル待ちで申し込む' }).count()).toBe(1)
    expect(await third.inputValue('#nickname')).toBe('sanka3')

    // Anyone opening the page now is told it is full, and is offered the waiting list instead of a seat.
    const later = await noJs.newPage()
    await later.goto(url)
    const register = later.locator('section[aria-labelledby="register-heading"]')
    expect(await register.locator('#waitlist-notice').innerText()).toContain('定員に達しました。キャンセル待ちとして申し込めます。')
    expect(await register.getByRole('button', { name: 'キャンセル待ちで申し込む' }).count()).toBe(1)
    expect(await register.getByRole('button', { name: '申し込む', exact: true }).count()).toBe(0)
    expect(await later.locator('dd', { hasText: '名（残り' }).innerText()).toBe('2名（残り 0 名）')

    const stored = await findDocs<{ nickname: string }>(
      cmsUrl,
      'event-registrations',
      `where[event][equals]=${event.id}&sort=createdAt`,
      'editor',
    )
    expect(stored.docs.map((r) => r.nickname)).toEqual(['sanka1', 'sanka2'])
    for (const page of [...pages, later]) await page.close()
  })
})

describe('共助会議 registration', () => {
  it('asks which organisation the registrant represents, and keeps a new name for staff to confirm', async () => {
    const event = await createOpenEvent(cmsUrl, { title: `共助会議 ${unique('k')}`, kind: 'kaigi' })
    const page = await noJs.newPage()
    await openForm(page, `${siteUrl}/events/${event.slug}`)
    const choices = await page.locator('#organisation option').allInnerTexts()
    expect(choices).toContain('一覧にない団体（団体名を入力）')
    expect(choices).toContain('個人として参加')
    await fillRegistration(page, unique('kaigi'))

    // Nothing chosen: the form says so in Japanese and keeps what was typed.
    const missing = await submitForm(page, page.getByRole('button', { name: '申し込む' }))
    expect(missing.postStatus).toBe(400)
    expect(await page.locator('#form-errors').innerText()).toContain('参加する団体を一覧から選ぶか、団体名を入力してください')

    // 'Not in the list' without a name: the field itself says what is missing.
    await page.selectOption('#organisation', 'new')
    await page.check('#consent')
    const noName = await submitForm(page, page.getByRole('button', { name: '申し込む' }))
    expect(noName.postStatus).toBe(400)
    expect(await page.locator('#newOrganisationName-error').innerText()).toBe('団体名を入力してください。')

    await page.fill('#newOrganisationName', '雲南みまもり隊')
    await page.check('#consent')
    const done = await submitForm(page, page.getByRole('button', { name: '申し込む' }))
    expect(done.postStatus).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/thanks/event')
    const stored = await findDocs<{ pendingOrganisationName: string | null; organisation: unknown }>(
      cmsUrl,
      'event-registrations',
      `where[event][equals]=${event.id}&depth=0`,
      'editor',
    )
    expect(stored.docs.map((r) => [r.pendingOrganisationName, r.organisation ?? null])).toEqual([['雲南みまもり隊', null]])
    await page.close()
  })
})
