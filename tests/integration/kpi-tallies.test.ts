import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MONTHLY, type MonthlyMetric } from '../../cms/kpi/catalogue'
import { flushTallies, recountTallies } from '../../cms/kpi/recountQueue'
import { computeKpis } from '../../cms/kpi/report'
import { planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { referenceBreakdown, referenceMeetingOrganisations, referenceSurvey, referenceThemes } from '../helpers/kpiReference'
import { bootPayload, shutdownPayload } from '../helpers/payload'

// The maintained KPI counts (cms/kpi/tallyStore.ts) must equal counting every document, after each kind of
// change a counted document can go through: created, moved to another month or year, changed status, deleted.

let payload: Payload
const FY = 2025
// After the year: every meeting of it has been held.
const NOW = new Date('2026-04-10T00:00:00+09:00')
const jst = (local: string) => new Date(`${local}+09:00`).toISOString()
const METRICS = Object.keys(MONTHLY) as MonthlyMetric[]
const THEMED = ['storiesPublished', 'plansPublished', 'plansRealised'] as const

const ids: Record<string, number | string> = {}
const keep = (key: string, doc: { id: number | string }) => (ids[key] = doc.id)

async function expectTalliesToMatchTheData(step: string) {
  const kpi = await computeKpis(payload, FY, NOW)
  for (const metric of METRICS) {
    const { total, byMonth, byTown } = kpi[metric]
    expect({ total, byMonth, byTown }, `${step}: ${metric}`).toEqual(await referenceBreakdown(payload, metric, FY))
  }
  const survey = await referenceSurvey(payload, FY)
  expect(
    { respondents: kpi.survey.supplementary.current.respondents, positive: kpi.survey.supplementary.current.positive },
    `${step}: survey`,
  ).toEqual(survey)
  expect([...kpi.organisations.names].sort(), `${step}: 共助会議`).toEqual(await referenceMeetingOrganisations(payload, FY, NOW))
  const { themes } = kpi
  for (const metric of THEMED) {
    const counted = Object.fromEntries(themes.map((t) => [t.theme, t[metric]]).filter(([, n]) => n))
    expect(counted, `${step}: ${metric} by theme`).toEqual(await referenceThemes(payload, metric, FY))
  }
}

const story = (key: string, publishedAt: string, town: string, themes: string[]) =>
  payload
    .create({
      collection: 'stories',
      data: storyData({ title: `話 ${key}`, _status: 'published', publishedAt: jst(publishedAt), town, themes } as never),
    })
    .then((doc) => keep(key, doc))

const meeting = (key: string, startsAt: string, organisations: (number | string)[]) =>
  payload
    .create({
      collection: 'events',
      data: {
        kind: 'kaigi',
        title: `会議 ${key}`,
        startsAt: jst(startsAt),
        participatingOrganisations: organisations,
        town: '木次町',
        _status: 'published',
      } as never,
    })
    .then((doc) => keep(key, doc))

const STEPS: [string, () => Promise<unknown>][] = [
  [
    'stories published across the year',
    async () => {
      await story('s1', '2025-04-01T00:00:00', '大東町', ['kids'])
      await story('s2', '2025-06-15T10:00:00', '加茂町', ['kids', 'food'])
      await story('s3', '2025-06-20T10:00:00', '加茂町', ['elderly'])
      await story('s4', '2026-03-31T23:59:59', '掛合町', ['nature'])
      await story('s5', '2025-12-01T10:00:00', '吉田町', [])
    },
  ],
  [
    'a story moved to another month',
    () => payload.update({ collection: 'stories', id: ids.s2, data: { publishedAt: jst('2025-09-01T10:00:00') } }),
  ],
  [
    'a story moved out of the year',
    () => payload.update({ collection: 'stories', id: ids.s3, data: { publishedAt: jst('2026-04-01T00:00:00') } }),
  ],
  ['a story unpublished', () => payload.update({ collection: 'stories', id: ids.s1, data: { _status: 'draft' } as never })],
  ['a story deleted', () => payload.delete({ collection: 'stories', id: ids.s4 })],
  [
    'plans published, realised and withdrawn',
    async () => {
      for (const [key, at, themes] of [
        ['p1', '2025-05-01T10:00:00', ['food']],
        ['p2', '2025-05-02T10:00:00', ['kids']],
        ['p3', '2025-08-02T10:00:00', ['elderly', 'kids']],
      ] as const) {
        keep(
          key,
          await payload.create({
            collection: 'plans',
            data: planData({ status: 'published', themes: [...themes], lifecycle: { receivedAt: jst(at), publishedAt: jst(at) } } as never),
          }),
        )
      }
      await payload.update({
        collection: 'plans',
        id: ids.p1,
        data: {
          status: 'realised',
          lifecycle: { publishedAt: jst('2025-05-01T10:00:00'), realisedAt: jst('2025-10-10T10:00:00') },
        } as never,
      })
      await payload.update({ collection: 'plans', id: ids.p2, data: { status: 'withdrawn' } as never })
    },
  ],
  [
    'citizens registered, moved town and paused; a candidate',
    async () => {
      for (const [key, town, status, since] of [
        ['c1', '大東町', 'registered', '2025-07-07T10:00:00'],
        ['c2', '木次町', 'registered', '2025-07-08T10:00:00'],
        ['c3', '三刀屋町', 'candidate', '2025-07-09T10:00:00'],
      ] as const) {
        keep(
          key,
          await payload.create({
            collection: 'citizens',
            data: { displayName: `市民 ${key}`, town, status, citizenSince: jst(since) } as never,
          }),
        )
      }
      await payload.update({ collection: 'citizens', id: ids.c1, data: { town: '掛合町' } as never })
      await payload.update({ collection: 'citizens', id: ids.c2, data: { status: 'paused' } as never })
    },
  ],
  [
    'participants and a connection, one removed',
    async () => {
      for (const [i, at] of ['2025-04-03T10:00:00', '2025-11-03T10:00:00', '2025-11-04T10:00:00'].entries()) {
        keep(
          `pa${i}`,
          await payload.create({
            collection: 'participants',
            data: { emailHash: `tally-${i}`, firstSeenAt: jst(at), firstChannel: 'plan', town: '吉田町' } as never,
          }),
        )
      }
      await payload.delete({ collection: 'participants', id: ids.pa1 })
      keep(
        'co1',
        await payload.create({
          collection: 'connections',
          data: {
            citizen: ids.c1,
            withOther: '近所の人',
            connectedAt: jst('2025-08-08T10:00:00'),
            connectedAt_tz: 'Asia/Tokyo',
            origin: 'plan',
            town: '掛合町',
          } as never,
        }),
      )
    },
  ],
  [
    'a burst of 120 cheers at once, then three removed',
    async () => {
      const cheers = await Promise.all(
        Array.from({ length: 120 }, () =>
          payload.create({ collection: 'cheers', data: { story: ids.s5, createdAt: jst('2025-07-05T10:00:00') } as never, depth: 0 }),
        ),
      )
      for (const c of cheers.slice(0, 3)) await payload.delete({ collection: 'cheers', id: c.id })
    },
  ],
  [
    'event attendance entered, corrected, and an event cancelled',
    async () => {
      keep(
        'e1',
        await payload.create({
          collection: 'events',
          data: {
            kind: 'furumai',
            title: '市 1',
            startsAt: jst('2025-11-23T10:00:00'),
            town: '木次町',
            attendance: 80,
            _status: 'published',
          } as never,
        }),
      )
      keep(
        'e2',
        await payload.create({
          collection: 'events',
          data: {
            kind: 'furumai',
            title: '市 2',
            startsAt: jst('2026-02-23T10:00:00'),
            town: '大東町',
            attendance: 30,
            _status: 'published',
          } as never,
        }),
      )
      await payload.update({ collection: 'events', id: ids.e1, data: { attendance: 95 } as never })
      await payload.update({ collection: 'events', id: ids.e2, data: { cancelled: true } as never })
    },
  ],
  [
    '共助会議: organisations join, the list changes, a meeting is cancelled',
    async () => {
      const orgs = await Promise.all(
        ['甲', '乙', '丙'].map((n) =>
          payload.create({
            collection: 'organisations',
            data: { name: `団体${n}`, kind: 'npo', town: '大東町', published: true } as never,
          }),
        ),
      )
      keep('o0', orgs[0])
      await meeting('m1', '2025-06-01T14:00:00', [orgs[0].id, orgs[1].id])
      await meeting('m2', '2025-12-01T14:00:00', [orgs[2].id])
      await payload.update({ collection: 'events', id: ids.m1, data: { participatingOrganisations: [orgs[0].id] } as never })
      await payload.update({ collection: 'events', id: ids.m2, data: { cancelled: true } as never })
    },
  ],
  [
    '共助会議: registrants representing organisations attend, one cancels, a pending name is mapped',
    async () => {
      const org = await payload.create({
        collection: 'organisations',
        data: { name: '団体丁', kind: 'npo', town: '加茂町', published: true } as never,
      })
      const late = await payload.create({
        collection: 'organisations',
        data: { name: '団体戊（申込で新規）', kind: 'npo', town: '加茂町', published: true } as never,
      })
      await meeting('m3', '2025-09-01T14:00:00', [])
      const reg = (nickname: string, data: Record<string, unknown>) =>
        payload.create({ collection: 'event-registrations', data: { event: ids.m3, nickname, partySize: 1, ...data } as never })
      const attended = await reg('出席者', { organisation: org.id })
      const cancelled = await reg('取消者', { organisation: ids.o0 })
      const pending = await reg('新団体の方', { pendingOrganisationName: '団体戊' })
      await payload.update({ collection: 'event-registrations', id: attended.id, data: { status: 'attended' } })
      await payload.update({ collection: 'event-registrations', id: cancelled.id, data: { status: 'cancelled' } })
      await payload.update({ collection: 'event-registrations', id: pending.id, data: { status: 'attended' } })
      // Staff confirm the typed name: from now on it counts.
      await payload.update({ collection: 'event-registrations', id: pending.id, data: { organisation: late.id } })
    },
  ],
  [
    'an organisation in a meeting renamed',
    () => payload.update({ collection: 'organisations', id: ids.o0, data: { name: '団体甲（改称）' } }),
  ],
  [
    'survey answers added, changed and removed',
    async () => {
      // Paper answers with their method count; the web answer without a code is kept but not counted.
      const answers = await Promise.all(
        ['5', '4', '2', '1'].map((answer) =>
          payload.create({
            collection: 'survey-responses',
            data: { answer, fiscalYear: FY, town: '加茂町', ageBand: '40s', channel: 'paper', method: '会場で配布・回収' } as never,
          }),
        ),
      )
      await payload.create({
        collection: 'survey-responses',
        data: { answer: '5', fiscalYear: FY, town: '加茂町', ageBand: '40s' } as never,
      })
      await payload.update({ collection: 'survey-responses', id: answers[2].id, data: { answer: '5' } as never })
      await payload.delete({ collection: 'survey-responses', id: answers[0].id })
    },
  ],
]

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdownPayload(payload))

describe('KPI tallies follow every change', () => {
  it.each(STEPS)('%s', async (step, change) => {
    await change()
    await expectTalliesToMatchTheData(step)
  })

  it('leaves one row per bucket after the nightly recount', async () => {
    await flushTallies(payload)
    await recountTallies(payload, [FY])
    const { docs } = await payload.find({ collection: 'kpi-tallies', where: { fiscalYear: { equals: FY } }, pagination: false, depth: 0 })
    const perBucket = new Map<string, number>()
    for (const d of docs) perBucket.set(d.bucket, (perBucket.get(d.bucket) ?? 0) + 1)
    expect([...perBucket.values()].every((n) => n === 1)).toBe(true)
  })
})

describe('reading and repairing tallies', () => {
  const fake = (countedAt: number, total: number) =>
    payload.create({
      collection: 'kpi-tallies',
      data: {
        bucket: `cheers:${FY}:3`,
        metric: 'cheers',
        fiscalYear: FY,
        month: 3,
        countedAt,
        data: { total, byTown: { unknown: total } },
      },
    })

  it('takes the newest count of a bucket, whatever order the rows were stored in', async () => {
    const honest = (await computeKpis(payload, FY, NOW)).cheers.byMonth[3]
    await fake(Date.now() + 60_000, 999)
    // A slower recount that began earlier and finished later must not win.
    await fake(Date.now(), 5)
    expect((await computeKpis(payload, FY, NOW)).cheers.byMonth[3]).toBe(999)
    await payload.delete({ collection: 'kpi-tallies', where: { bucket: { equals: `cheers:${FY}:3` } } })
    expect((await computeKpis(payload, FY, NOW)).cheers.byMonth[3]).toBe(honest)
  })

  it('repairs a wrong count with a full recount (the nightly job)', async () => {
    await fake(Date.now(), 777)
    expect((await computeKpis(payload, FY, NOW)).cheers.byMonth[3]).toBe(777)
    await new Promise((r) => setTimeout(r, 5))
    await recountTallies(payload, [FY])
    await expectTalliesToMatchTheData('after the nightly recount')
  })

  it('counts buckets that have no row yet when they are read', async () => {
    await payload.delete({ collection: 'kpi-tallies', where: { fiscalYear: { equals: FY } } })
    await expectTalliesToMatchTheData('from an empty tally table')
  })
})
