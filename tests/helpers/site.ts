// Helpers for the browser tests of the public site: no-JS pages, form submission with the spam guard's
// minimum fill time, the editor's REST session, and axe-core.
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'

import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core'

import { recordedConsent } from './fixtures'

export const EDITOR = { email: 'editor@esuko.example', password: 'e2e-demo-password' } as const

/** site/lib/formGuard.ts refuses a form sent back less than 3 s after it was shown. */
const MIN_FILL_MS = 3_100

/** A short unique marker, so each run's records can be found again (and told apart) by title. */
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`

// ---------------------------------------------------------------------------------------------------
// Pages and forms

/** A browser context with JavaScript off: the site's forms must work as plain HTML. */
export const noJsContext = (browser: Browser): Promise<BrowserContext> => browser.newContext({ javaScriptEnabled: false })

const shownAt = new WeakMap<Page, number>()

/** Opens a page that holds a form and remembers when it was shown (the spam guard's clock starts then). */
export async function openForm(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url)
  if (!response) throw new Error(`no response for ${url}`)
  shownAt.set(page, Date.now())
  return response
}

/**
 * Clicks a submit button once the minimum fill time has passed, and waits for the resulting document.
 * Returns the final response (after any redirect), and the status of the POST itself.
 */
export async function submitForm(page: Page, button: Locator): Promise<{ response: Response; postStatus: number }> {
  const since = shownAt.get(page)
  const wait = since === undefined ? MIN_FILL_MS : MIN_FILL_MS - (Date.now() - since)
  if (wait > 0) await page.waitForTimeout(wait)
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
    ),
    button.click(),
  ])
  await page.waitForLoadState('domcontentloaded')
  // Walk back through redirects to the POST that started it.
  let request = response.request()
  while (request.redirectedFrom()) request = request.redirectedFrom()!
  const post = await request.response()
  shownAt.set(page, Date.now())
  return { response, postStatus: request === response.request() ? response.status() : (post?.status() ?? 0) }
}

/** The content attribute of a <meta property|name=…> in the document head. */
/** The texts a reader sees without the furigana: `<rt>`/`<rp>` left out (innerText and textContent include them). */
export const textsWithoutReadings = (locator: Locator): Promise<string[]> =>
  locator.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element
      for (const reading of copy.querySelectorAll('rt, rp')) reading.remove()
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    }),
  )
export const textWithoutReadings = async (locator: Locator): Promise<string> => (await textsWithoutReadings(locator))[0] ?? ''

export const metaContent = (page: Page, key: string): Promise<string | null> =>
  page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute('content')

// ---------------------------------------------------------------------------------------------------
// The admin REST API, as the demo editor

const tokens = new Map<string, Promise<string>>()

/** The editor's JWT from POST /api/users/login (one login per test file). */
export function editorToken(cmsUrl: string): Promise<string> {
  if (!tokens.has(cmsUrl)) {
    tokens.set(
      cmsUrl,
      (async () => {
        const res = await fetch(`${cmsUrl}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(EDITOR),
        })
        if (!res.ok) throw new Error(`editor login failed: ${res.status} ${await res.text()}`)
        const { token } = (await res.json()) as { token?: string }
        if (!token) throw new Error('editor login returned no token')
        return token
      })(),
    )
  }
  return tokens.get(cmsUrl)!
}

type Doc = { id: number | string; [key: string]: unknown }

/** Collections that publish a person only with their recorded consent (cms/domain/consent.ts). */
const CONSENT_SUBJECTS = new Set(['stories', 'plans', 'citizens'])

/**
 * POST {cmsUrl}/api/{collection} as the editor; throws with Payload's message when refused. A story, plan or
 * citizen gets a complete consent record (paper, dated) under the flags the caller gives, as staff would enter it.
 */
export async function createAsEditor<T = Doc>(cmsUrl: string, collection: string, data: Record<string, unknown>): Promise<T> {
  const body = CONSENT_SUBJECTS.has(collection)
    ? { ...data, consent: { ...recordedConsent(), ...(collection === 'plans' ? { photo: undefined } : {}), ...(data.consent as object) } }
    : data
  const res = await fetch(`${cmsUrl}/api/${collection}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${await editorToken(cmsUrl)}` },
    body: JSON.stringify(body),
  })
  const answer = (await res.json()) as { doc?: T; errors?: unknown }
  if (!res.ok || !answer.doc) throw new Error(`creating ${collection} failed (${res.status}): ${JSON.stringify(answer.errors ?? answer)}`)
  return answer.doc
}

/** GET {cmsUrl}/api/{collection}?{query}, anonymously (what the public may read) or as the editor. */
export async function findDocs<T = Doc>(cmsUrl: string, collection: string, query: string, as: 'public' | 'editor' = 'public') {
  const headers: Record<string, string> = as === 'editor' ? { authorization: `JWT ${await editorToken(cmsUrl)}` } : {}
  const res = await fetch(`${cmsUrl}/api/${collection}?${query}`, { headers })
  if (!res.ok) throw new Error(`reading ${collection} failed (${res.status}): ${await res.text()}`)
  return (await res.json()) as { docs: T[]; totalDocs: number }
}

const DAY = 24 * 60 * 60 * 1000

/** A published event whose registration window is open now. */
export function createOpenEvent(cmsUrl: string, fields: { title: string; capacity?: number; [key: string]: unknown }) {
  const now = Date.now()
  return createAsEditor<{ id: number; slug: string; title: string }>(cmsUrl, 'events', {
    kind: 'other',
    startsAt: new Date(now + 14 * DAY).toISOString(),
    registrationOpensAt: new Date(now - DAY).toISOString(),
    registrationClosesAt: new Date(now + 7 * DAY).toISOString(),
    _status: 'published',
    ...fields,
  })
}

/** Logs a page into the admin as the editor (the admin needs JavaScript). */
export async function adminLogin(page: Page, cmsUrl: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin/login`)
  await page.fill('input[name="email"]', EDITOR.email)
  await page.fill('input[name="password"]', EDITOR.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
}

// ---------------------------------------------------------------------------------------------------
// Accessibility

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export type AxeViolation = {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const axe = (window as any).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return result.violations as AxeViolation[]
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** One readable line per violation and element, for assertion messages. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help} — ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`,
      ),
    )
    .join('\n')
