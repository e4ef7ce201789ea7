import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fiscalMonthIndex } from '../../cms/domain/fiscalYear'
import { suppressSmallCells } from '../../cms/kpi/disclosure'
import { headlineCounts } from '../../cms/kpi/headline'
import { computeKpis, type KpiReport } from '../../cms/kpi/report'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let kpi: KpiReport

// Japan time in, UTC instant out: the fixtures name the moments residents would name.
const jst = (local: string) => new Date(`${local}+09:00`).toISOString()

// Hand-counted fixtures for FY2025 (2025-04-01 00:00 JST … 2026-03-31 23:59:59 JST).
const CITIZENS = [
  { since: '2025-04-01T00:00:00', town: '大東町', status: 'registered', counted: true }, // first instant of FY2025
  { since: '2026-03-31T23:59:59', town: '加茂町', status: 'registered', counted: true }, // last second of FY2025
  { since: '2025-03-31T23:59:59', town: '大東町', status: 'registered', counted: false }, // FY2024
  { since: '2026-04-01T00:00:00', town: '木次町', status: 'registered', counted: false }, // FY2026
  { since: '2025-10-15T12:00:00', town: '木次町', status: 'paused', counted: true }, // paused still became a citizen
  { since: '2025-10-20T12:00:00', town: '木次町', status: 'candidate', counted: false }, // a candidate is not a citizen
] as const

const PARTICIPANTS = ['2025-04-01T09:00:00', '2025-04-30T23:00:00', '2025-12-01T10:00:00', '2024-12-01T10:00:00']

const PLANS = [
  { published: '2025-05-01T10:00:00', realised: '2025-08-01T10:00:00', status: 'realised' },
  { published: '2025-06-01T10:00:00', realised: undefined, status: 'in_progress' },
  { published: '2025-06-02T10:00:00', realised: undefined, status: 'withdrawn' }, // withdrawn: not accumulated
  { published: '2025-03-20T10:00:00', realised: '2025-04-10T10:00:00', status: 'realised' }, // published FY2024, realised FY2025
] as const

// KPI 1: the city's official results, FY2024 45.0 % (baseline) and FY2025 45.5 % → +0.5 points.
const OFFICIAL = [
  { fiscalYear: 2024, share: 45.0, sampleSize: 812 },
  { fiscalYear: 2025, share: 45.5, sampleSize: 798 },
]

// The portal's survey (supplementary): paper answers entered with their method, FY2025 3 of 6 positive; the web
// answers without a code are kept but not counted.
const SURVEY = [
  ...['5', '4', '3', '2', '1'].map((answer) => ({ answer, fiscalYear: 2024, town: '大東町' })),
  ...['5', '4', '4', '3', '2', '1'].map((answer, i) => ({ answer, fiscalYear: 2025, town: i < 3 ? '加茂町' : '掛合町' })),
]

beforeAll(async () => {
  payload = await bootPayload()
  for (const c of CITIZENS) {
    await payload.create({
      collection: 'citizens',
      data: { displayName: `市民 ${c.since}`, town: c.town, status: c.status, citizenSince: jst(c.since) },
    })
  }
  for (const [i, at] of PARTICIPANTS.entries()) {
    await payload.create({
      collection: 'participants',
      data: { emailHash: `hash-${i}`, firstSeenAt: jst(at), firstChannel: 'plan', town: '三刀屋町' },
    })
  }
  for (const [i, p] of PLANS.entries()) {
    await payload.create({
      collection: 'plans',
      data: {
        kind: 'want_to_try',
        title: `プラン${i}`,
        description: '説明',
        town: '吉田町',
        status: p.status,
        lifecycle: { receivedAt: jst(p.published), publishedAt: jst(p.published), realisedAt: p.realised && jst(p.realised) },
      },
    })
  }
  for (const s of SURVEY) {
    await payload.create({
      collection: 'survey-responses',
      data: {
        answer: s.answer,
        fiscalYear: s.fiscalYear,
        town: s.town,
        ageBand: '40s',
        channel: 'paper',
        method: '窓口で配布・回収',
      } as never,
    })
    await payload.create({
      collection: 'survey-responses',
      data: { answer: '5', fiscalYear: s.fiscalYear, town: s.town, ageBand: '40s' } as never,
    })
  }
  for (const o of OFFICIAL) {
    await payload.create({
      collection: 'official-survey-results',
      data: { ...o, source: `市民意識調査 ${o.fiscalYear}`, surveyDate: `${o.fiscalYear}-09-30T00:00:00.000Z` },
    })
  }
  const orgs = await Promise.all(
    ['あ団体', 'い団体', 'う団体'].map((name, i) =>
      payload.create({ collection: 'organisations', data: { name, kind: 'npo', town: i === 0 ? '掛合町' : '大東町', published: true } }),
    ),
  )
  const meeting = (title: string, startsAt: string, organisations: (number | string)[], extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'events',
      data: {
        kind: 'kaigi',
        title,
        startsAt: jst(startsAt),
        participatingOrganisations: organisations,
        _status: 'published',
        ...extra,
      } as never,
    })
  await meeting('第1回', '2025-07-01T14:00:00', [orgs[0].id, orgs[1].id], { attendance: 30 })
  await meeting('第2回', '2025-11-01T14:00:00', [orgs[1].id, orgs[2].id], { attendance: 12 }) // org 1 counted once
  await meeting('中止回', '2025-12-01T14:00:00', [orgs[0].id], { cancelled: true })
  await meeting('前年度', '2025-03-01T14:00:00', [orgs[0].id])

  kpi = await computeKpis(payload, 2025, new Date(jst('2026-04-10T00:00:00')))
})
afterAll(() => shutdownPayload(payload))

describe('KPI counts for 令和7年度 against hand-counted fixtures', () => {
  it('names the year', () => {
    expect(kpi.label).toBe('令和7年度')
    expect(kpi.range).toEqual({ start: '2025-03-31T15:00:00.000Z', end: '2026-03-31T15:00:00.000Z' })
  })

  it('counts esuko citizens by the day they became one, edges included', () => {
    expect(kpi.citizens.total).toBe(CITIZENS.filter((c) => c.counted).length)
    expect(kpi.citizens.byMonth[0]).toBe(1) // April
    expect(kpi.citizens.byMonth[11]).toBe(1) // March
    expect(kpi.citizens.byMonth[6]).toBe(1) // October
    expect(kpi.citizens.byTown).toMatchObject({ 大東町: 1, 加茂町: 1, 木次町: 1 })
  })

  it('counts unique new participants by first appearance', () => {
    expect(kpi.participants.total).toBe(3)
    expect(kpi.participants.byMonth[0]).toBe(2)
    expect(kpi.participants.byTown['三刀屋町']).toBe(3)
  })

  it('counts plans accumulated (published, not withdrawn) and realised', () => {
    expect(kpi.plansPublished.total).toBe(2)
    expect(kpi.plansRealised.total).toBe(2)
    expect(kpi.plansRealised.byMonth[0]).toBe(1)
    expect(kpi.plansRealised.byMonth[4]).toBe(1)
  })

  it('counts each organisation once over the year’s held, uncancelled 共助会議', () => {
    expect(kpi.organisations.total).toBe(3)
    expect(kpi.organisations.byMonth[3]).toBe(2) // July: two organisations first took part
    expect(kpi.organisations.byMonth[7]).toBe(1) // November: one more
    expect(kpi.organisations.names.sort()).toEqual(['あ団体', 'い団体', 'う団体'])
    expect(kpi.eventAttendance).toMatchObject({ total: 42, events: 2 }) // the cancelled and the previous-year meetings do not count
  })

  it('takes KPI 1 from the official results: change from the previous one, in points', () => {
    expect(kpi.survey.official.previous).toMatchObject({ fiscalYear: 2024, share: 45 })
    expect(kpi.survey.official.current).toMatchObject({ fiscalYear: 2025, share: 45.5, sampleSize: 798 })
    expect(kpi.survey.official.changePoints).toBeCloseTo(0.5, 10)
  })

  it('counts only the counted answers of the portal survey, as a supplementary share', () => {
    expect(kpi.survey.supplementary.current).toEqual({ respondents: 6, positive: 3, share: 50 })
    expect(kpi.survey.supplementary.byTown['加茂町']).toEqual({ respondents: 3, positive: 3, share: 100 })
  })

  it('takes the targets from the KPI-targets global defaults', () => {
    expect(kpi.targets).toMatchObject({
      citizens: 150,
      participants: 2000,
      plansAccumulated: 300,
      plansRealised: 200,
      organisations: 40,
      surveyPointIncrease: 0.26,
    })
  })
})

describe('the home page’s headline figures', () => {
  it('count citizens, public plans and realised plans by the same rules as the KPIs', async () => {
    const headline = await headlineCounts(payload, new Date(jst('2026-04-10T00:00:00')))
    expect(headline.citizens).toBe(CITIZENS.filter((c) => c.status !== 'candidate').length) // every year, not only FY2025
    expect(headline.plans).toBe(PLANS.filter((p) => p.status !== 'withdrawn').length)
    // Every realised fixture was realised in FY2025: the home page and KPI 5 agree on which plans are realised.
    expect(headline.realised).toBe(2)
    expect(headline.realised).toBe(kpi.plansRealised.total)
    expect(headline.organisations).toBe(3) // each once over the programme's years
  })
})

describe('fiscal months in Japan time', () => {
  it.each([
    ['2025-04-01T00:00:00', 0],
    ['2025-03-31T23:59:59', 11],
    ['2026-01-01T00:00:00', 9],
    ['2025-12-31T23:59:59', 8],
  ])('%s JST → month index %i', (local, index) => {
    expect(fiscalMonthIndex(jst(local))).toBe(index)
  })
})

describe('small-cell rule', () => {
  it.each([
    [
      [12, 7, 0, 9],
      [12, 7, 0, 9],
    ], // nothing small
    [
      [12, 3, 0, 9],
      [12, null, 0, null],
    ], // one small cell → the next smallest hides too
    [
      [2, 3, 8, 20],
      [null, null, 8, 20],
    ], // two small cells already protect each other
    [
      [1, 0, 0],
      [null, 0, 0],
    ], // nothing left to hide beside it: the caller must hide the total
  ] as [number[], (number | null)[]][])('%j → %j', (cells, expected) => {
    expect(suppressSmallCells(cells)).toEqual(expected)
  })
})
