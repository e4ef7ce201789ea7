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
  it('takes registrations up to the capacity, then refuses and says the event is full', async () => {
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
      expect(await page.getByRole('link', { name: '元のページへ戻る' }).getAttribute('href')).toBe(`/events/${event.slug}`)
    }

    const third = pages[2]
    const { postStatus } = await submitForm(third, third.getByRole('button', { name: '申し込む' }))
    expect(postStatus).toBe(409)
    expect(await third.locator('#form-errors[role="alert"]').innerText()).toContain('定員に達したため、申し込みを締め切りました。')
    expect(await third.locator('form.form').count()).toBe(0)

    // Anyone opening the page now is told it is full, and gets no form.
    const later = await noJs.newPage()
    await later.goto(url)
    const register = later.locator('section[aria-labelledby="register-heading"]')
    expect(await register.locator('.alert').innerText()).toBe('定員に達したため、申し込みを締め切りました。')
    expect(await register.locator('form').count()).toBe(0)
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
