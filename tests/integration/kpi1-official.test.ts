import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fiscalYearOf } from '../../cms/domain/fiscalYear'
import { buildDataset, datasetCsv } from '../../cms/kpi/openData'
import { toPublicReport } from '../../cms/kpi/publicReport'
import { surveyCode } from '../../cms/kpi/surveyCodes'
import { computeKpis } from '../../cms/kpi/report'
import { KPI_YEARS } from '../../cms/seed/settings'
import { rest } from '../helpers/api'
import { submitViaSite } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Issue 13, point 1: KPI 1 comes from the city's official survey results, everywhere; one browser answering
// the portal's survey many times moves nothing; a year without contractual targets shows 未設定.

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
let coordinator: Awaited<ReturnType<typeof createUser>>
let editorToken: string
const FY = fiscalYearOf(new Date())

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  coordinator = await createUser(payload, 'coordinator')
  editorToken = (await payload.login({ collection: 'users', data: { email: editor.email, password: 'test-password-123' } })).token!
})
afterAll(() => shutdownPayload(payload))

const official = (fiscalYear: number, share: number, sampleSize = 812) => ({
  fiscalYear,
  share,
  sampleSize,
  source: `雲南市 市民意識調査 ${fiscalYear}年度 報告書`,
  surveyDate: `${fiscalYear}-09-30T00:00:00.000Z`,
})
/** The refusal's own (Japanese) words: Payload's ValidationError carries them per field. */
async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write
  } catch (error) {
    const e = error as { message: string; data?: { errors?: { message: string }[] } }
    return [e.message, ...(e.data?.errors ?? []).map((x) => x.message)].join(' ')
  }
  return 'accepted'
}
const publicKpis = async (fy: number) => toPublicReport(await computeKpis(payload, fy))
const kpi1Row = async (fy: number) => buildDataset(await publicKpis(fy), 'summary').rows[0]

describe('KPI 1 from the official results', () => {
  beforeAll(async () => {
    await payload.create({ collection: 'official-survey-results', data: official(FY - 1, 45.0), user: editor, overrideAccess: false })
    await payload.create({ collection: 'official-survey-results', data: official(FY, 45.4, 798), user: editor, overrideAccess: false })
  })

  it('takes the first recorded result as the baseline and the change from the previous one, in points', async () => {
    const { survey } = await computeKpis(payload, FY)
    expect(survey.official.baseline?.fiscalYear).toBe(FY - 1)
    expect(survey.official.current).toMatchObject({ fiscalYear: FY, share: 45.4, sampleSize: 798 })
    expect(survey.official.changePoints).toBeCloseTo(0.4, 6)
    const first = await computeKpis(payload, FY - 1)
    expect(first.survey.official.changePoints).toBeNull() // the baseline itself has no change
  })

  it('is not moved by one browser answering the web survey seven times', async () => {
    const before = await publicKpis(FY)
    for (let i = 0; i < 7; i++)
      await submitViaSite(payload, 'survey-responses', { answer: '5', town: '大東町', ageBand: '40s', channel: 'web' })
    const after = await publicKpis(FY)
    expect(after.survey.official).toEqual(before.survey.official)
    expect(after.survey.supplementary.current.respondents).toBe(before.survey.supplementary.current.respondents)
    const { totalDocs } = await payload.count({ collection: 'survey-responses', where: { counted: { equals: false } } })
    expect(totalDocs).toBeGreaterThanOrEqual(7) // kept, not counted
  })

  it('fills the open data and states its basis', async () => {
    const row = await kpi1Row(FY)
    expect(row.value).toBe(0.4)
    expect(String(row.note)).toContain('有効回答798人')
    expect(String(row.note)).toContain('市民意識調査')
  })

  it('says so when a year has no official result yet', async () => {
    const { survey } = await computeKpis(payload, FY + 1)
    expect(survey.official).toMatchObject({ current: null, changePoints: null })
    expect(survey.official.previous?.fiscalYear).toBe(FY)
    expect((await kpi1Row(FY + 1)).value).toBeUndefined()
  })

  it('lets editors record results; anyone may read them; nobody else writes', async () => {
    expect((await rest('GET', '/api/official-survey-results')).status).toBe(200)
    expect((await rest('POST', '/api/official-survey-results', { body: official(FY - 5, 40) })).status).toBe(403)
    await expect(
      payload.create({ collection: 'official-survey-results', data: official(FY - 5, 40), user: coordinator, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      payload.create({ collection: 'official-survey-results', data: official(FY, 50), user: editor, overrideAccess: false }),
    ).rejects.toThrow() // one per year
  })
})

describe('the web survey: one counted answer per code', () => {
  let codes: string[]
  let batchId: number | string

  beforeAll(async () => {
    const batch = await payload.create({
      collection: 'survey-code-batches',
      data: { label: 'ふるまい市 会場', fiscalYear: FY, count: 5 },
      user: editor,
      overrideAccess: false,
    })
    batchId = batch.id
    const res = await rest('GET', `/api/survey-code-batches/${batch.id}/codes.csv`, { token: editorToken })
    expect(res.status).toBe(200)
    codes = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[1])
    expect(codes).toHaveLength(5)
  })

  const answer = (code: string, extra: Record<string, unknown> = {}) =>
    submitViaSite(payload, 'survey-responses', { answer: '4', town: '木次町', ageBand: '30s', channel: 'web', code, ...extra })

  it('counts an answer carrying an unused code, once', async () => {
    const first = await answer(codes[0])
    expect(first.counted).toBe(true)
    expect(await refusal(answer(codes[0]))).toMatch(/すでに使われています/)
    const { totalDocs } = await payload.count({ collection: 'survey-code-uses', where: { batch: { equals: batchId } } })
    expect(totalDocs).toBe(1)
  })

  it('reads a code typed loosely (lower case, no hyphens, full width)', async () => {
    const typed = codes[1].toLowerCase().replace(/-/g, '')
    expect((await answer(typed.normalize('NFKC').replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))).counted).toBe(
      true,
    )
  })

  it('counts only one of two answers with the same code arriving together', async () => {
    const results = await Promise.allSettled([answer(codes[2]), answer(codes[2])])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  it.each([
    ['a forged code', () => codes[3].slice(0, -1) + (codes[3].endsWith('0') ? '1' : '0'), /正しくありません/],
    ['a genuine code beyond the batch’s count', () => surveyCode(codes[3].split('-')[0], 6), /正しくありません/],
  ])('refuses %s with a Japanese message', async (_, code, message) => {
    expect(await refusal(answer(code()))).toMatch(message)
  })

  it('refuses a code of another fiscal year', async () => {
    expect(await refusal(answer(codes[3], { answeredAt: `${FY - 1}-10-01T03:00:00.000Z` }))).toMatch(/年度のアンケート用です/)
  })

  it('lets nobody make an answer count by saying so', async () => {
    expect((await submitViaSite(payload, 'survey-responses', { answer: '5', town: '大東町', ageBand: '40s', counted: true })).counted).toBe(
      false,
    )
    const res = await rest('POST', '/api/survey-responses', {
      token: editorToken,
      body: { answer: '5', town: '大東町', ageBand: '40s', counted: true },
    })
    expect(res.status).toBe(201)
    expect(res.json.doc.counted).toBe(false)
    const updated = await rest('PATCH', `/api/survey-responses/${res.json.doc.id}`, { token: editorToken, body: { counted: true } })
    expect(updated.json.doc.counted).toBe(false)
  })

  it('keeps the code out of the stored answer', async () => {
    const stored = await answer(codes[4])
    const raw = JSON.stringify(await payload.findByID({ collection: 'survey-responses', id: stored.id, depth: 0 }))
    expect(raw).not.toContain(codes[4].split('-')[2])
  })
})

describe('paper answers entered by staff', () => {
  it.each([
    ['without the method', { channel: 'paper' }, /集め方/],
    ['from the site form', { channel: 'paper', method: '会場で回収' }, /紙・会場の回答を登録できません/],
  ])('are refused %s', async (name, extra, message) => {
    const data = { answer: '4', town: '吉田町', ageBand: '60s', ...extra }
    const write =
      name === 'from the site form'
        ? submitViaSite(payload, 'survey-responses', data)
        : payload.create({ collection: 'survey-responses', data: data as never, user: coordinator, overrideAccess: false })
    expect(await refusal(write)).toMatch(message)
  })

  it('count when the method is recorded', async () => {
    const doc = await payload.create({
      collection: 'survey-responses',
      data: { answer: '4', town: '吉田町', ageBand: '60s', channel: 'paper', method: '公民館の窓口で回答用紙を1人1枚配布・回収' } as never,
      user: coordinator,
      overrideAccess: false,
    })
    expect(doc.counted).toBe(true)
  })
})

describe('the supplementary share', () => {
  const year = FY - 3
  const towns = ['大東町', '加茂町', '木次町', '三刀屋町', '吉田町', '掛合町']
  let n = 0
  const paper = (answer: string) => ({
    answer,
    town: towns[n++ % towns.length],
    ageBand: '50s',
    channel: 'paper',
    method: '地区の集まりで配布・回収',
    answeredAt: `${year}-10-01T03:00:00.000Z`,
  })

  it('is hidden below 30 counted answers, then shown with its 95 % Wilson interval', async () => {
    for (let i = 0; i < 29; i++) await payload.create({ collection: 'survey-responses', data: paper(i < 15 ? '5' : '2') as never })
    const below = await publicKpis(year)
    expect(below.survey.supplementary.current).toEqual({ respondents: 29, share: null, interval: null })
    expect(String(buildDataset(below, 'summary').rows[1].note)).toContain('30人未満')

    await payload.create({ collection: 'survey-responses', data: paper('1') as never })
    const shown = (await publicKpis(year)).survey.supplementary.current
    expect(shown.respondents).toBe(30)
    expect(shown.share).toBe(50)
    expect(shown.interval!.low).toBeCloseTo(33.15, 1)
    expect(shown.interval!.high).toBeCloseTo(66.85, 1)
    // No town has 30: no town share is shown.
    expect((await publicKpis(year)).survey.supplementary.byTown.every((t) => t.share === null)).toBe(true)
  })
})

describe('targets the contract has not set', () => {
  it('are 未設定, not invented, for a year with no row', async () => {
    const report = await computeKpis(payload, 2026)
    expect(report.targets).toBeNull()
    const csv = datasetCsv(buildDataset(toPublicReport(report), 'summary'))
    expect(csv).toMatch(/えすこ市民の創出数,人,\d+,未設定,/)
    expect(csv).toMatch(/^2026,1,助け合える地域だと感じる市民の割合（前年度からの増加ポイント）,ポイント,[^,]*,未設定,/m)
  })

  it('seeds only the contract’s 令和7年度 figures', () => {
    expect(KPI_YEARS.map((y) => y.fiscalYear)).toEqual([2025])
  })

  it('keeps a figure editors left empty as 未設定', async () => {
    await payload.updateGlobal({ slug: 'kpi-targets', data: { years: [{ fiscalYear: 2027, citizens: 200 }] } })
    const report = toPublicReport(await computeKpis(payload, 2027))
    expect(report.metrics.find((m) => m.key === 'citizens')?.targetValue).toBe(200)
    expect(report.metrics.find((m) => m.key === 'participants')?.targetValue).toBeNull()
    expect(report.survey.target).toBeNull()
  })
})
