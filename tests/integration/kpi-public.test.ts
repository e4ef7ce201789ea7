// The public small-cell rule for whole rows (pure functions: no database needed).
import { describe, expect, it } from 'vitest'

import { suppressBreakdown, suppressRow } from '../../cms/kpi/disclosure'
import { buildDataset, datasetCsv } from '../../cms/kpi/openData'
import { toPublicReport } from '../../cms/kpi/publicReport'
import type { KpiReport } from '../../cms/kpi/report'

const shown = (cells: (number | null)[]) => cells.filter((v): v is number => v !== null)

describe('suppressRow', () => {
  it('leaves a row without small cells as it is', () => {
    expect(suppressRow([5, 0, 12, 7])).toEqual({ cells: [5, 0, 12, 7], total: 24 })
  })

  it('keeps zeros: zero people identify no one', () => {
    expect(suppressRow([0, 0, 0])).toEqual({ cells: [0, 0, 0], total: 0 })
  })

  it('hides two or more small cells and keeps the total', () => {
    expect(suppressRow([3, 2, 9])).toEqual({ cells: [null, null, 9], total: 14 })
  })

  it('hides the next smallest cell too when one small cell would be left alone', () => {
    expect(suppressRow([3, 8, 6, 0])).toEqual({ cells: [null, 8, null, 0], total: 17 })
  })

  it('hides the total when a lone small cell has no partner to hide', () => {
    // Shown, the total would give the hidden cell away (4 − 0 − 0 − 0).
    const row = suppressRow([4, 0, 0, 0])
    expect(row).toEqual({ cells: [null, 0, 0, 0], total: null })
  })

  it('hides a total of 1–4 (every cell is then small too)', () => {
    expect(suppressRow([1, 2, 0])).toEqual({ cells: [null, null, 0], total: null })
    expect(suppressRow([0, 4])).toEqual({ cells: [0, null], total: null })
  })

  it('never shows a count of 1–4 and never lets a hidden cell be worked out by subtraction', () => {
    for (let seed = 0; seed < 500; seed++) {
      const cells = Array.from({ length: 1 + (seed % 7) }, (_, i) => ((seed * 7 + i * 13) % 11) - 2).map((n) => Math.max(0, n))
      const row = suppressRow(cells)
      for (const v of [...shown(row.cells), ...(row.total === null ? [] : [row.total])]) expect(v === 0 || v >= 5).toBe(true)
      const hidden = row.cells.filter((v) => v === null).length
      if (row.total !== null) expect(hidden === 0 || hidden >= 2).toBe(true)
    }
  })

  it('honours another minimum', () => {
    expect(suppressRow([9, 12, 10], 10)).toEqual({ cells: [null, 12, null], total: 31 })
  })
})

describe('suppressBreakdown', () => {
  it('hides the shared total when either row needs it hidden', () => {
    const r = suppressBreakdown([6, 0, 0], [2, 4, 0])
    expect(r.byMonth).toEqual([6, 0, 0])
    expect(r.byTown).toEqual([null, null, 0])
    expect(r.total).toBe(6)
    const pair = suppressBreakdown([3, 3], [6, 0])
    expect(pair).toEqual({ byMonth: [null, null], byTown: [6, 0], total: 6 })
    const lone = suppressBreakdown([4, 0], [0, 4])
    expect(lone).toEqual({ byMonth: [null, 0], byTown: [0, null], total: null })
  })
})

const breakdown = (byMonth: number[], towns: Partial<Record<string, number>> = {}) => ({
  total: byMonth.reduce((a, b) => a + b, 0),
  byMonth,
  byTown: { 大東町: 0, 加茂町: 0, 木次町: 0, 三刀屋町: 0, 吉田町: 0, 掛合町: 0, unknown: 0, ...towns },
})
const months = (...values: number[]) => [...values, ...Array(12 - values.length).fill(0)]

describe('toPublicReport and the open-data tables', () => {
  const share = (respondents: number, positive: number) => ({
    respondents,
    positive,
    share: respondents ? (positive / respondents) * 100 : null,
  })
  const report: KpiReport = {
    fiscalYear: 2025,
    label: '令和7年度',
    range: { start: '2025-03-31T15:00:00.000Z', end: '2026-03-31T15:00:00.000Z' },
    generatedAt: '2026-04-01T00:00:00.000Z',
    targets: {
      fiscalYear: 2025,
      surveyPointIncrease: 0.26,
      citizens: 150,
      participants: 2000,
      plansAccumulated: 300,
      plansRealised: 200,
      organisations: 40,
    },
    survey: {
      official: {
        current: { fiscalYear: 2025, share: 45.5, sampleSize: 798, source: '市民意識調査', surveyDate: '2025-09-30T00:00:00.000Z' },
        previous: { fiscalYear: 2024, share: 45, sampleSize: 812, source: '市民意識調査', surveyDate: '2024-09-30T00:00:00.000Z' },
        baseline: { fiscalYear: 2024, share: 45, sampleSize: 812, source: '市民意識調査', surveyDate: '2024-09-30T00:00:00.000Z' },
        changePoints: 0.5,
        sinceBaseline: 0.5,
      },
      supplementary: {
        current: share(47, 20),
        byTown: {
          大東町: share(30, 15),
          加茂町: share(7, 4),
          木次町: share(3, 1),
          三刀屋町: share(7, 0),
          吉田町: share(0, 0),
          掛合町: share(0, 0),
        },
      },
    },
    citizens: breakdown(months(3, 2, 6), { 大東町: 6, 加茂町: 5 }),
    participants: breakdown(months(4), { 木次町: 4 }),
    plansPublished: breakdown(months(1, 2), { 吉田町: 3 }),
    plansRealised: breakdown(months()),
    organisations: { ...breakdown(months(0, 0, 2), { 掛合町: 2 }), names: ['えすこ会', 'みんなの台所'] },
    connections: breakdown(months(5, 5), { unknown: 10 }),
    storiesPublished: breakdown(months(1), { 大東町: 1 }),
    cheers: { ...breakdown(months(2, 30)), byTown: { ...breakdown([]).byTown, unknown: 32 } },
    eventAttendance: { ...breakdown(months(0, 40), { 木次町: 40 }), events: 2 },
    themes: [],
  }
  const pub = toPublicReport(report)
  const metric = (key: string) => pub.metrics.find((m) => m.key === key)!

  it('applies the rule to people counts only', () => {
    expect(metric('citizens').byMonth.slice(0, 3)).toEqual([null, null, 6])
    expect(metric('citizens').total).toBe(11)
    expect(metric('participants').total).toBeNull()
    expect(metric('plansPublished').byMonth.slice(0, 2)).toEqual([1, 2]) // public plans: not people
    expect(metric('organisations').total).toBe(2)
    expect(metric('cheers').byMonth.slice(0, 2)).toEqual([null, null])
    expect(metric('cheers').total).toBe(32) // two hidden cells: neither can be worked out
  })

  it('shows portal-survey shares only from 30 counted answers, with their interval, and hides counts of 1–4', () => {
    const { supplementary } = pub.survey
    expect(supplementary.byTown.map((t) => t.respondents)).toEqual([30, null, null, 7, 0, 0])
    expect(supplementary.byTown[0].share).toBe(50)
    expect(supplementary.byTown[0].interval?.low).toBeCloseTo(33.15, 1)
    expect(supplementary.byTown.slice(1).every((t) => t.share === null && t.interval === null)).toBe(true)
    expect(supplementary.current.respondents).toBe(47)
    expect(pub.survey.official.changePoints).toBe(0.5)
  })

  it('writes CSV with a BOM, Japanese headers and 「5未満」 for hidden cells only', () => {
    const csv = datasetCsv(buildDataset(pub, 'summary'))
    expect(csv.startsWith('\uFEFF年度,KPI番号,指標,単位,実績,目標,達成率（%）,備考\r\n')).toBe(true)
    expect(csv).toContain('2025,1,助け合える地域だと感じる市民の割合（前年度からの増加ポイント）,ポイント,0.5,0.26,192.3,')
    expect(csv).toContain('2025,3,新規参画者数（ユニーク）,人,5未満,2000,,\r\n')
    expect(csv).toContain('2025,,新しいつながり,件,10,,,\r\n')
    const monthly = datasetCsv(buildDataset(pub, 'monthly'))
    expect(monthly).toContain('2025,えすこ市民の創出数,人,5未満,5未満,6,0,0,0,0,0,0,0,0,0,11')
  })
})
