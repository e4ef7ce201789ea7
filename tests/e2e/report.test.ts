// The A4 事業実施報告書: generated through the same code as `npm run report`, then read back with poppler-utils.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, inject, it } from 'vitest'

import { generateReport } from '../../scripts/report-pdf.mjs'

const siteUrl = inject('siteUrl')
const FY = 2025
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-report-'))
const pdf = path.join(dir, `esuko-report-FY${FY}.pdf`)
afterAll(() => {
  if (!process.env.KEEP_REPORT) fs.rmSync(dir, { recursive: true, force: true })
})

type Json = { rows: Record<string, string | number | null | undefined>[] }
const number = new Intl.NumberFormat('ja-JP')
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

describe('事業実施報告書 (PDF)', () => {
  let pages = 0
  let text = ''

  it('is written as an A4 PDF by the report script', async () => {
    const result = await generateReport({ fy: FY, siteUrl, outFile: pdf })
    expect(result.file).toBe(pdf)
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const info = run('pdfinfo', ['-f', '1', '-l', '999', pdf])
    pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(5)
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])])
    expect(sizes).toHaveLength(pages)
    for (const [w, h] of sizes) {
      expect(Math.abs(w - 595.28)).toBeLessThan(2)
      expect(Math.abs(h - 841.89)).toBeLessThan(2)
    }
    console.log(`report: ${pages} pages, ${Math.round(result.bytes / 1024)} KB in ${result.ms} ms`)
  })

  it('embeds every font it uses (Chromium writes the Noto CJK glyphs as embedded Type 3 fonts)', () => {
    const rows = run('pdffonts', [pdf])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
    expect(rows.length).toBeGreaterThan(0)
    // Columns: name, type, encoding, emb, sub, uni, object, ID — every font embedded and mapped to Unicode.
    for (const row of rows) expect(row, row).toMatch(/\s(yes)\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/)
  })

  it('has the cover, contents, page numbers, KPI figures, organisations and method note', async () => {
    text = run('pdftotext', ['-layout', pdf, '-'])
    const flat = text.replace(/[ \t]+/g, ' ')
    const joined = text.replace(/\s+/g, '')
    for (const s of [
      '事業実施報告書',
      '令和7年度',
      '目次',
      '重要業績評価指標（KPI）の実績',
      '開催したイベント',
      'えすこ共助会議の参画団体',
      '集計の方法',
      '4月1日から翌年3月31日',
      '5未満',
      '出典：雲南市えすこポータル',
    ]) {
      expect(joined, s).toContain(s.replace(/\s+/g, ''))
    }
    expect(joined).toContain(`2/${pages}`)
    expect(joined).toContain(`${pages}/${pages}`)

    // The KPI figures are the ones the open-data endpoint publishes (computeKpis + the small-cell rule).
    const summary = (await (await fetch(`${siteUrl}/open-data/summary.json?fy=${FY}`)).json()) as Json
    const kpiPage = text.split('\f').find((p) => p.includes('表1'))!
    expect(kpiPage).toBeDefined()
    // KPI 1 (official results) and the portal survey are stated in words below the table: the metric rows follow.
    expect(joined).toContain('市の市民意識調査（KPI1）')
    for (const row of summary.rows.slice(2)) {
      const line = kpiPage.split('\n').find((l) => l.includes(String(row.metric)))
      expect(line, String(row.metric)).toBeDefined()
      const value = row.value === null ? '5未満' : `${number.format(Number(row.value))}${row.unit}`
      expect(line!.replace(/\s+/g, ' '), String(row.metric)).toContain(value)
      if (typeof row.target === 'number') expect(line!, String(row.metric)).toContain(`${number.format(row.target)}${row.unit}`)
    }

    // Organisations that took part in 共助会議 are listed by name (public information).
    const orgs = (await (await fetch(`${siteUrl}/open-data/towns.json?fy=${FY}`)).json()) as Json
    const orgCount = orgs.rows.find((r) => r.metric === 'えすこ共助会議参画団体数')!.total as number
    expect(flat).toContain(`${number.format(orgCount)}団体が参加しました`)
  })

  it('holds no personal contact data', () => {
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
    expect(text).not.toMatch(/0[789]0-?\d{4}-?\d{4}/)
  })

  it('renders a page to PNG for a visual check', () => {
    run('pdftoppm', ['-f', '3', '-l', '3', '-r', '80', '-png', pdf, path.join(dir, 'page')])
    const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))
    expect(png).toBeDefined()
    expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(10_000)
  })

  it('the report page itself is marked noindex', async () => {
    const res = await fetch(`${siteUrl}/report/${FY}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-robots-tag')).toContain('noindex')
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow">')
    expect((await fetch(`${siteUrl}/report/1999`)).status).toBe(404)
  })
})
