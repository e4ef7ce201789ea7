// Open data (/open-data/*.csv|json) and the public progress page (/progress): aggregates only, no personal data,
// no people-count cell between 1 and 4, and the page passes axe.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { METRICS, SURVEY } from '../../cms/kpi/catalogue'
import { ATTRIBUTION, DATASETS } from '../../cms/kpi/openData'
import { CITIZENS } from '../../cms/seed/citizens'
import { DEMO_USERS } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'
import { describeViolations, seriousViolations } from '../helpers/site'

const siteUrl = inject('siteUrl')
const FY = 2025

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** RFC 4180 enough for our files: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else if (c !== '\r') cell += c
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

type Json = {
  licence: { id: string }
  attribution: string
  fiscalYear: number
  columns: { key: string; label: string }[]
  rows: Record<string, string | number | null>[]
}

const PEOPLE_LABELS = new Set([...METRICS.filter((m) => m.people).map((m) => m.label), SURVEY.supplementary.respondentsLabel])
const bodies: string[] = []

const get = async (path: string) => {
  const res = await fetch(`${siteUrl}${path}`)
  expect(res.status, path).toBe(200)
  const buffer = new Uint8Array(await res.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer)
  bodies.push(text)
  return { res, buffer, text }
}

describe('open data downloads', () => {
  for (const { key } of DATASETS) {
    it(`${key}: CSV (UTF-8 with BOM, Japanese headers) and JSON agree`, async () => {
      const csv = await get(`/open-data/${key}.csv?fy=${FY}`)
      expect(csv.res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
      expect([...csv.buffer.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const rows = parseCsv(csv.text.slice(1))
      const json = await get(`/open-data/${key}.json?fy=${FY}`)
      expect(json.res.headers.get('content-type')).toMatch(/^application\/json/)
      const data = JSON.parse(json.text) as Json
      expect(data.licence.id).toBe('CC-BY-4.0')
      expect(data.attribution).toBe(ATTRIBUTION)
      expect(data.fiscalYear).toBe(FY)

      expect(rows[0]).toEqual(data.columns.map((c) => c.label))
      expect(rows[0][0]).toBe('年度')
      expect(rows.length - 1).toBe(data.rows.length)
      expect(data.rows.length).toBeGreaterThan(0)
      data.rows.forEach((row, r) => {
        data.columns.forEach((c, i) => {
          const value = row[c.key]
          const expected = value === null ? '5未満' : value === undefined ? '' : String(value)
          expect(rows[r + 1][i], `${key} row ${r} ${c.label}`).toBe(expected)
        })
      })
    })
  }

  it('no people-count cell shows 1–4', async () => {
    for (const key of ['summary', 'monthly', 'towns'] as const) {
      const data = JSON.parse((await get(`/open-data/${key}.json?fy=${FY}`)).text) as Json
      for (const row of data.rows) {
        if (!PEOPLE_LABELS.has(String(row.metric))) continue
        const numbers = Object.entries(row)
          .filter(([k]) => !['fiscalYear', 'kpi', 'target', 'achievement'].includes(k))
          .map(([, v]) => v)
          .filter((v): v is number => typeof v === 'number')
        for (const n of numbers) expect(n === 0 || n >= 5, `${key} ${row.metric}: ${n}`).toBe(true)
      }
    }
  })

  it('the KPI figures are computed (the seeded FY2025 data has citizens and connections)', async () => {
    const data = JSON.parse((await get(`/open-data/summary.json?fy=${FY}`)).text) as Json
    const byMetric = Object.fromEntries(data.rows.map((r) => [r.metric, r]))
    expect(byMetric['えすこ市民の創出数'].target).toBe(150)
    expect(byMetric['えすこ共助会議参画団体数'].target).toBe(40)
    expect(typeof byMetric['えすこ共助会議参画団体数'].value).toBe('number')
    // KPI 1 from the seeded official results (44.8 % → 45.3 %), with its basis; the portal survey beside it.
    expect(byMetric[SURVEY.label].value).toBe(0.5)
    expect(String(byMetric[SURVEY.label].note)).toContain('市民意識調査')
    expect(String(byMetric[SURVEY.supplementary.label].note)).toMatch(/95%信頼区間|人未満のため/)
  })

  it('answers 404 for an unknown dataset, format or year', async () => {
    for (const path of ['/open-data/people.csv', '/open-data/summary.xml', `/open-data/summary.json?fy=1999`]) {
      expect((await fetch(`${siteUrl}${path}`)).status, path).toBe(404)
    }
  })

  it('holds no personal data: no e-mail addresses, phone numbers or private names from the seed', async () => {
    await get(`/progress?fy=${FY}`)
    await get(`/open-data?fy=${FY}`)
    const all = bodies.join('\n')
    expect(bodies.length).toBeGreaterThan(8)
    // The pages are HTML: look at their text, not at markup such as `@page` or `@media`.
    const text = all.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
    expect(text).not.toMatch(/0[789]0-?\d{4}-?\d{4}/)
    for (const c of CITIZENS) {
      const p = c.private as { legalName?: string; email?: string; phone?: string } | undefined
      for (const secret of [p?.legalName, p?.email, p?.phone]) if (secret) expect(all).not.toContain(secret)
    }
    for (const u of DEMO_USERS) expect(all).not.toContain(u.email)
  })
})

describe('/progress', () => {
  it('is linked from the home page counters and shows the year, the KPIs and the small-cell note', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/`)
    await page
      .locator('section[aria-labelledby="counters-heading"]')
      .getByRole('link', { name: /目標と実績/ })
      .click()
    await page.waitForURL(`${siteUrl}/progress`)
    expect(await page.locator('h1').innerText()).toContain('年度')
    await page.goto(`${siteUrl}/progress?fy=${FY}`)
    const text = await page.locator('main').innerText()
    expect(text).toContain('令和7年度')
    for (const m of METRICS) expect(text).toContain(m.label)
    expect(text).toContain('5未満')
    // Charts are inline SVG with a text alternative; no client script on the page.
    const svgs = page.locator('main svg[role="img"]')
    expect(await svgs.count()).toBeGreaterThan(5)
    expect(await svgs.first().getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/)
    expect(await page.locator('script').count()).toBe(0)
    await page.close()
  })

  for (const path of [`/progress`, `/progress?fy=${FY}`, `/open-data`]) {
    it(`${path} passes axe (WCAG 2.1 A/AA, serious and critical)`, async () => {
      // The site's CSP forbids inline script; axe is injected by the test, so it alone bypasses it.
      const context = await browser.newContext({ bypassCSP: true })
      const page = await context.newPage()
      expect((await page.goto(`${siteUrl}${path}`))?.status()).toBe(200)
      const violations = await seriousViolations(page)
      expect(violations, describeViolations(violations)).toEqual([])
      await context.close()
    })
  }
})
