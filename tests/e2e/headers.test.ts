import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
const PASSWORD = 'e2e-demo-password'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const PAGES = [
  '/',
  '/stories',
  '/stories/daito-osusowake',
  '/plans',
  '/plans/new',
  '/events',
  '/organisations',
  '/citizens',
  '/survey',
  '/privacy',
  '/progress',
  '/open-data',
  '/does-not-exist',
]

describe('security headers on public pages', () => {
  it.each(PAGES)('%s', async (path) => {
    const res = await fetch(`${siteUrl}${path}`)
    const csp = res.headers.get('content-security-policy') ?? ''
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
    expect(scriptSrc).toContain("'self'")
    expect(scriptSrc).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('reports no Content-Security-Policy violation in Chromium on any page type', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`)
    })
    for (const path of PAGES) await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' })
    await context.close()
    expect(violations).toEqual([])
  })
})

describe('admin sessions', () => {
  const login = (email: string, password: string) =>
    fetch(`${cmsUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })

  it('sets the session cookie HttpOnly, SameSite=Lax and Secure in production', async () => {
    const res = await login('editor@esuko.example', PASSWORD)
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Secure/i)
  })

  it('locks an account after five wrong passwords, with a Japanese message', async () => {
    const admin = (await (await login('admin@esuko.example', PASSWORD)).json()) as { token: string }
    const email = `lock-${Date.now()}@esuko.example`
    const created = await fetch(`${cmsUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${admin.token}` },
      body: JSON.stringify({ email, name: 'ロック確認', roles: ['editor'], password: 'right-password-123' }),
    })
    expect(created.status).toBe(201)
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password')).status).toBe(401)
    const locked = await login(email, 'right-password-123')
    expect(locked.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(await locked.json())).toMatch(/[ぁ-んァ-ン一-龥]/)
  })
})

describe('rate limits on public forms', () => {
  it('answers the sixth survey in ten minutes with 429, a Japanese message and Retry-After', async () => {
    const html = await (await fetch(`${siteUrl}/survey`)).text()
    const token = /name="_t" value="([^"]+)"/.exec(html)![1]
    await new Promise((r) => setTimeout(r, 3_100))
    const post = () =>
      fetch(`${siteUrl}/survey?_action=answerSurvey`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: siteUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ answer: '4', town: '木次町', ageBand: '50s', _t: token }).toString(),
      })
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 6; i++) {
      last = await post()
      statuses.push(last.status)
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303])
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await last!.text()).toContain('短い時間に送信が続いたため')
  })
})
