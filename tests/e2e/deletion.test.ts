// A resident's deletion request in Chromium, from the form to the "done" mail: nothing is erased until the
// requester confirms through the link mailed to them (issue 13, point 4).
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { createOpenEvent, editorToken, findDocs, noJsContext, openForm, submitForm, unique } from '../helpers/site'
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

/** The mailed link, on the server this test talks to (the portal runs without SITE_PUBLIC_URL). */
const local = (link: string) => {
  const url = new URL(link)
  return `${siteUrl}${url.pathname}${url.search}`
}

type Registration = { id: number; contact?: { email?: string | null } }
type Request = { id: number; status: string }

/**
 * Runs the queue deletion requests are processed on now, as the admin process does every few minutes
 * (Payload's GET /api/payload-jobs/run, signed in as staff).
 */
async function runDeletionQueue() {
  const res = await fetch(`${cmsUrl}/api/payload-jobs/run?queue=nightly&disableScheduling=true`, {
    headers: { authorization: `JWT ${await editorToken(cmsUrl)}` },
  })
  expect(res.status).toBe(200)
}

async function fileDeletion(fields: { email?: string; phone?: string }) {
  const page = await noJs.newPage()
  expect((await openForm(page, `${siteUrl}/privacy/delete`)).status()).toBe(200)
  if (fields.email) await page.fill('#email', fields.email)
  if (fields.phone) await page.fill('#phone', fields.phone)
  const sent = await submitForm(page, page.getByRole('button', { name: '削除を依頼する' }))
  expect(sent.postStatus).toBe(303)
  return page
}

describe('deletion request', () => {
  it('erases nothing until the mailed link is confirmed, then erases and mails that it is done', async () => {
    const email = `${unique('del')}@example.jp`
    const event = await createOpenEvent(cmsUrl, { title: `削除確認のイベント ${unique('d')}`, venue: '木次経済文化会館' })
    const reg = await noJs.newPage()
    await openForm(reg, `${siteUrl}/events/${event.slug}`)
    await reg.fill('#nickname', '削除する人')
    await reg.fill('#partySize', '1')
    await reg.selectOption('#town', '木次町')
    await reg.fill('#email', email)
    await reg.check('#consent')
    expect((await submitForm(reg, reg.getByRole('button', { name: '申し込む' }))).postStatus).toBe(303)
    await reg.close()
    const registration = async () =>
      (await findDocs<Registration>(cmsUrl, 'event-registrations', `where[event][equals]=${event.id}&depth=0`, 'editor')).docs[0]
    expect((await registration()).contact?.email).toBe(email)

    const page = await fileDeletion({ email })
    expect(new URL(page.url()).pathname).toBe('/thanks/deletion')
    expect(await page.locator('main h1').innerText()).toBe('削除のご依頼を受け付けました')
    expect(await page.locator('main').innerText()).toContain('確認のメールをお送りしました')

    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('確認のお願い'), MAIL_WAIT_MS)
    const link = linksIn(mail.text).find((l) => new URL(l).pathname === '/privacy/delete/confirm')
    expect(link).toBeTruthy()
    const requests = async () =>
      (await findDocs<Request>(cmsUrl, 'deletion-requests', `where[id][equals]=${new URL(link!).searchParams.get('r')}`, 'editor')).docs

    // Opening the link (as a mail scanner would) and running the job change nothing.
    const shown = await page.goto(local(link!))
    expect(shown?.status()).toBe(200)
    expect(shown?.headers()['cache-control']).toBe('no-store')
    expect(await page.locator('main').innerText()).not.toContain(email)
    await runDeletionQueue()
    expect((await requests()).map((r) => r.status)).toEqual(['received'])
    expect((await registration()).contact?.email).toBe(email)

    const confirmed = await submitForm(page, page.getByRole('button', { name: '削除を確定する' }))
    expect(confirmed.postStatus).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/thanks/deletion-confirmed')
    expect(await page.locator('main h1').innerText()).toBe('削除のご依頼を確定しました')

    await runDeletionQueue()
    expect((await requests()).map((r) => r.status)).toEqual(['done'])
    expect((await registration()).contact?.email ?? null).toBeNull()
    const done = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('完了'), MAIL_WAIT_MS)
    expect(done.subject).toBe('【えすこポータル】個人情報の削除が完了しました')
    expect(done.text).not.toMatch(/\d+\s*件/)

    // The link now only says it was done; an altered one is refused in Japanese.
    await page.goto(local(link!))
    expect(await page.locator('main').innerText()).toContain('このご依頼は確定済みです。')
    expect(await page.getByRole('button', { name: '削除を確定する' }).count()).toBe(0)
    const forged = new URL(local(link!))
    forged.searchParams.set('t', `${forged.searchParams.get('t')!.slice(0, -2)}xx`)
    expect((await page.goto(forged.toString()))?.status()).toBe(404)
    expect(await page.locator('main').innerText()).toContain('このリンクは使えません。')
    await page.close()
  })

  it('answers a phone-only request with a page saying staff will call', async () => {
    const page = await fileDeletion({ phone: '0854-00-1234' })
    expect(new URL(page.url()).pathname).toBe('/thanks/deletion-phone')
    expect(await page.locator('main').innerText()).toContain('担当者からご入力の電話番号にお電話します')
    await page.close()
  })
})
