// Mail from the production build to a real SMTP server, and the links in it, in Chromium.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { createOpenEvent, findDocs, noJsContext, openForm, submitForm, unique } from '../helpers/site'
import { linksIn, type SmtpCatcher, startSmtp } from '../helpers/smtp'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
// The portal was started with SMTP_URL pointing here (tests/e2e/global-setup.ts); this file is the server.
const smtpPort = inject('smtpPort')
// The admin process looks for mail every 10 seconds.
const MAIL_WAIT_MS = 40_000

let browser: Browser
let noJs: BrowserContext
let smtp: SmtpCatcher
beforeAll(async () => {
  smtp = await startSmtp(smtpPort)
  browser = await launchBrowser()
  noJs = await noJsContext(browser)
})
afterAll(async () => {
  await browser?.close()
  await smtp?.stop()
})

/** The mailed link, on the server this test talks to (the portal runs without SITE_PUBLIC_URL / CMS_PUBLIC_URL). */
const local = (link: string, base: string) => {
  const url = new URL(link)
  return `${base}${url.pathname}${url.search}`
}

async function adminToken(): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@esuko.example', password: 'e2e-demo-password' }),
  })
  return ((await res.json()) as { token: string }).token
}

describe('registration confirmation', () => {
  it('arrives after registering, and its link cancels the registration once the resident confirms', async () => {
    const event = await createOpenEvent(cmsUrl, { title: `メール確認のイベント ${unique('m')}`, capacity: 1, venue: '三刀屋文化体育館' })
    const email = `${unique('reg')}@example.jp`
    const page = await noJs.newPage()
    await openForm(page, `${siteUrl}/events/${event.slug}`)
    await page.fill('#nickname', 'メールの方')
    await page.fill('#partySize', '1')
    await page.selectOption('#town', '三刀屋町')
    await page.fill('#email', email)
    await page.check('#consent')
    const registered = await submitForm(page, page.getByRole('button', { name: '申し込む' }))
    expect(registered.postStatus).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/thanks/event')
    const reference = await page.locator('#reference').innerText()
    expect(reference).toMatch(/^E-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)

    const mail = await smtp.waitFor((m) => m.to.includes(email), MAIL_WAIT_MS)
    expect(mail.subject).toBe(`【えすこポータル】お申し込みを受け付けました：${event.title}`)
    expect(mail.text).toContain(`受付番号: ${reference}`)
    expect(mail.headers.from).toContain('<noreply@esuko.test>')
    const cancelLink = linksIn(mail.text).find((l) => new URL(l).pathname === '/registrations/cancel')
    expect(cancelLink).toBeTruthy()
    const cancelUrl = local(cancelLink!, siteUrl)

    // Opening the link shows the registration and changes nothing.
    const shown = await openForm(page, cancelUrl)
    expect(shown.status()).toBe(200)
    expect(shown.headers()['cache-control']).toBe('no-store')
    expect(await page.locator('main').innerText()).toContain(event.title)
    expect(await page.locator('main').innerText()).toContain('メールの方')
    const stored = () => findDocs<{ status: string }>(cmsUrl, 'event-registrations', `where[event][equals]=${event.id}`, 'editor')
    expect((await stored()).docs.map((r) => r.status)).toEqual(['confirmed'])

    const cancelled = await submitForm(page, page.getByRole('button', { name: '申し込みを取り消す' }))
    expect(cancelled.postStatus).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/thanks/cancelled')
    expect(await page.locator('main h1').innerText()).toBe('お申し込みを取り消しました')
    expect((await stored()).docs.map((r) => r.status)).toEqual(['cancelled'])

    // The seat is free again; the link now says it is done and offers no button.
    await page.goto(`${siteUrl}/events/${event.slug}`)
    expect(await page.locator('dd', { hasText: '名（残り' }).innerText()).toBe('1名（残り 1 名）')
    await page.goto(cancelUrl)
    expect(await page.locator('main').innerText()).toContain('このお申し込みは取り消し済みです。')
    expect(await page.getByRole('button', { name: '申し込みを取り消す' }).count()).toBe(0)

    // An altered link cancels nothing and says so in Japanese.
    const forged = new URL(cancelUrl)
    forged.searchParams.set('t', `${forged.searchParams.get('t')!.slice(0, -2)}xx`)
    const refused = await page.goto(forged.toString())
    expect(refused?.status()).toBe(404)
    expect(await page.locator('main').innerText()).toContain('このリンクは使えません。')
    await page.close()
  })
})

describe('waiting list', () => {
  it('a full event takes a waitlisted registration, and a cancellation promotes it with a mail', async () => {
    const event = await createOpenEvent(cmsUrl, { title: `キャンセル待ちのイベント ${unique('w')}`, capacity: 1 })
    const url = `${siteUrl}/events/${event.slug}`
    const register = async (nickname: string, email: string, button: string) => {
      const page = await noJs.newPage()
      await openForm(page, url)
      await page.fill('#nickname', nickname)
      await page.fill('#partySize', '1')
      await page.selectOption('#town', '吉田町')
      await page.fill('#email', email)
      await page.check('#consent')
      const sent = await submitForm(page, page.getByRole('button', { name: button, exact: true }))
      expect(sent.postStatus).toBe(303)
      return page
    }
    const [firstEmail, waitEmail] = [`${unique('first')}@example.jp`, `${unique('wait')}@example.jp`]
    const first = await register('先着の方', firstEmail, '申し込む')
    expect(new URL(first.url()).pathname).toBe('/thanks/event')

    // Full now: the form offers the waiting list.
    const waiting = await register('待つ方', waitEmail, 'キャンセル待ちで申し込む')
    expect(new URL(waiting.url()).pathname).toBe('/thanks/waitlist')
    expect(await waiting.locator('main h1').innerText()).toBe('キャンセル待ちで受け付けました')
    const waitReference = await waiting.locator('#reference').innerText()
    const notice = await smtp.waitFor((m) => m.to.includes(waitEmail), MAIL_WAIT_MS)
    expect(notice.subject).toBe(`【えすこポータル】キャンセル待ちで受け付けました：${event.title}`)
    expect(notice.text).toContain(`受付番号: ${waitReference}`)
    const stored = async () =>
      (
        await findDocs<{ nickname: string; status: string }>(
          cmsUrl,
          'event-registrations',
          `where[event][equals]=${event.id}&sort=createdAt`,
          'editor',
        )
      ).docs.map((r) => [r.nickname, r.status])
    expect(await stored()).toEqual([
      ['先着の方', 'confirmed'],
      ['待つ方', 'waitlisted'],
    ])

    // The first resident cancels through the mailed link: the seat goes to the waiting list at once.
    const mail = await smtp.waitFor((m) => m.to.includes(firstEmail), MAIL_WAIT_MS)
    const cancelLink = linksIn(mail.text).find((l) => new URL(l).pathname === '/registrations/cancel')!
    await openForm(first, local(cancelLink, siteUrl))
    const cancelled = await submitForm(first, first.getByRole('button', { name: '申し込みを取り消す' }))
    expect(cancelled.postStatus).toBe(303)
    expect(await stored()).toEqual([
      ['先着の方', 'cancelled'],
      ['待つ方', 'confirmed'],
    ])
    const promoted = await smtp.waitFor((m) => m.to.includes(waitEmail) && m.subject.includes('参加が確定しました'), MAIL_WAIT_MS)
    expect(promoted.text).toContain(`受付番号: ${waitReference}`)
    const bye = await smtp.waitFor((m) => m.to.includes(firstEmail) && m.subject.includes('取り消しました'), MAIL_WAIT_MS)
    expect(bye.subject).toBe(`【えすこポータル】お申し込みを取り消しました：${event.title}`)
    // Still full: the promoted resident holds the one seat.
    await first.goto(url)
    expect(await first.locator('dd', { hasText: '名（残り' }).innerText()).toBe('1名（残り 0 名）')
    for (const page of [first, waiting]) await page.close()
  })
})

describe('staff password reset', () => {
  it('mails a link that opens the admin’s reset page, and its token sets the new password', async () => {
    const email = `${unique('staff')}@example.jp`
    const created = await fetch(`${cmsUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` },
      body: JSON.stringify({ email, name: '再設定 テスト', roles: ['coordinator'], password: 'first-password-123' }),
    })
    expect(created.status).toBe(201)
    const asked = await fetch(`${cmsUrl}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    expect(asked.status).toBe(200)

    const mail = await smtp.waitFor((m) => m.to.includes(email), MAIL_WAIT_MS)
    expect(mail.subject).toBe('【えすこポータル】パスワード再設定のご案内')
    const link = linksIn(mail.text).find((l) => new URL(l).pathname.startsWith('/admin/reset/'))
    expect(link).toBeTruthy()

    const context = await browser.newContext()
    const page = await context.newPage()
    const opened = await page.goto(local(link!, cmsUrl))
    expect(opened?.status()).toBe(200)
    await page.locator('input[name="password"]').waitFor()

    const token = decodeURIComponent(new URL(link!).pathname.slice('/admin/reset/'.length))
    const reset = await fetch(`${cmsUrl}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'second-password-456' }),
    })
    expect(reset.status).toBe(200)
    const login = await fetch(`${cmsUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'second-password-456' }),
    })
    expect(login.status).toBe(200)
    await context.close()
  })
})
