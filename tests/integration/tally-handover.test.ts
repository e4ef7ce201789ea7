import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { LOCAL_INVALIDATE } from '../../cms/lib/cacheProtocol'
import { type CheerRow, storeCheer } from '../../cms/lib/cheerIntake'
import {
  flushTallies,
  handsOverRecounts,
  markTallies,
  readTallies,
  recountHandedOver,
  tallyTagsOf,
  TALLY_QUEUE,
} from '../../cms/kpi/recountQueue'
import { bucketsOfDoc, isBucketKey, type MonthCell } from '../../cms/kpi/tallyStore'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

// A site process started by `npm start` hands its KPI recounts to the admin process's jobs queue (cms/kpi/recountQueue.ts):
// it never counts itself (a count holds its readers), the job carries every bucket it marked, and running the queue
// leaves the tallies equal to the data. The site processes' environment is set here as scripts/serve.mjs sets it.

let payload: Payload
let story: number | string
const heard: string[][] = []
let serial = 0

const cheer = (): CheerRow => ({
  type: 'stories',
  id: story,
  messageStatus: 'none',
  dedupeKey: `handover-${++serial}`,
  limit: { key: `rl:cheer:handover-${serial}:1`, max: 60, expiresAt: new Date(Date.now() + 600_000) },
})
const cheersBucket = async () => {
  const outcome = await storeCheer(payload, cheer())
  if (outcome.result !== 'stored') throw new Error(`cheer not stored: ${outcome.result}`)
  return bucketsOfDoc('cheers', outcome.doc)[0]
}
const storedTotal = async (key: string) => {
  const fy = Number(key.split(':')[1])
  return ((await readTallies(payload, [fy], ['cheers'])).get(key)?.data as MonthCell).total
}
/** The cheers of a bucket, counted from the data. */
const countedCheers = async (key: string) => {
  const { docs } = await payload.find({ collection: 'cheers', pagination: false, depth: 0, select: { createdAt: true } })
  return docs.filter((d) => bucketsOfDoc('cheers', d)[0] === key).length
}
/** A cheers bucket, every job so far run as the admin process runs them: the queue starts empty. */
const bucketWithEmptyQueue = async () => {
  const key = await cheersBucket()
  await flushTallies(payload)
  process.env.ESUKO_JOBS = '1'
  await payload.jobs.run({ queue: TALLY_QUEUE })
  delete process.env.ESUKO_JOBS
  return key
}
const tallyJobs = async () =>
  (await payload.find({ collection: 'payload-jobs', where: { queue: { equals: TALLY_QUEUE } }, depth: 0, pagination: false })).docs

beforeAll(async () => {
  payload = await bootPayload()
  story = (await payload.create({ collection: 'stories', data: storyData({ title: '集計を渡す話', _status: 'published' } as never) })).id
  ;(globalThis as Record<symbol, unknown>)[LOCAL_INVALIDATE] = (tags: string[]) => heard.push(tags)
  process.env.ESUKO_SITE_INVALIDATION = '0'
})
beforeEach(() => {
  process.env.ESUKO_TALLY_RECOUNT = 'jobs'
  delete process.env.ESUKO_JOBS
  heard.length = 0
})
afterAll(async () => {
  delete process.env.ESUKO_TALLY_RECOUNT
  await shutdownPayload(payload)
})

describe('a site process hands its recounts over', () => {
  it('hands over only where serve.mjs says so, and never in the process that runs the jobs', () => {
    expect(handsOverRecounts()).toBe(true)
    process.env.ESUKO_JOBS = '1'
    expect(handsOverRecounts()).toBe(false)
    delete process.env.ESUKO_JOBS
    delete process.env.ESUKO_TALLY_RECOUNT
    expect(handsOverRecounts()).toBe(false)
  })

  it('queues a job with the buckets of a cheer batch instead of counting them; the admin counts them', async () => {
    const key = await cheersBucket()
    await flushTallies(payload)
    const before = await storedTotal(key)
    for (let i = 0; i < 3; i++) await cheersBucket()
    await flushTallies(payload)

    // Not counted here: the stored row is as it was, and the site heard of no recount.
    expect(await storedTotal(key)).toBe(before)
    expect(heard.flat().filter((tag) => tag.startsWith('kpi-tallies'))).toEqual([])
    const jobs = await tallyJobs()
    expect(jobs.length).toBeGreaterThan(0)
    expect(jobs.flatMap((job) => (job.input as { keys: string[] }).keys)).toContain(key)

    // The admin process runs the queue (ESUKO_JOBS=1 there): its count equals the data, and the jobs are done.
    process.env.ESUKO_JOBS = '1'
    await payload.jobs.run({ queue: TALLY_QUEUE })
    expect(await storedTotal(key)).toBe(await countedCheers(key))
    expect(await storedTotal(key)).toBe(before + 3)
    expect(await tallyJobs()).toEqual([])
    expect(heard.flat()).toEqual(expect.arrayContaining(['kpi-tallies', 'kpi-tallies:cheers']))
  })

  it('hands a steady stream of marks over at most once a second (each job is a commit on the site’s connection)', async () => {
    const key = await bucketWithEmptyQueue()
    // A cheer storm's marks: one every 100 ms for 1.5 s.
    for (let i = 0; i < 15; i++) {
      markTallies(payload, [key])
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const jobs = await tallyJobs()
    expect(jobs.length).toBeGreaterThanOrEqual(1)
    expect(jobs.length).toBeLessThanOrEqual(2)
    // None is lost: what is still marked goes with the next hand-over.
    await flushTallies(payload)
    expect((await tallyJobs()).flatMap((job) => (job.input as { keys: string[] }).keys)).toContain(key)
  })

  it('counts the buckets itself when the job cannot be queued, so no mark is lost', async () => {
    const key = await bucketWithEmptyQueue()
    const before = await storedTotal(key)

    const queue = payload.jobs.queue
    payload.jobs.queue = (() => Promise.reject(new Error('database is locked'))) as typeof queue
    try {
      await cheersBucket()
      await flushTallies(payload)
    } finally {
      payload.jobs.queue = queue
    }
    expect(await storedTotal(key)).toBe(before + 1)
    expect(await tallyJobs()).toEqual([])
  })

  it('counts a handed-over job itself when run in a process that hands over (never queued again)', async () => {
    const key = await cheersBucket()
    await flushTallies(payload)
    expect((await tallyJobs()).length).toBeGreaterThan(0)
    await payload.jobs.run({ queue: TALLY_QUEUE })
    expect(await tallyJobs()).toEqual([])
    expect(await storedTotal(key)).toBe(await countedCheers(key))
  })

  it('counts only real buckets from a job’s input (it is data)', async () => {
    expect(await recountHandedOver(payload, ['cheers:2026:11', 'cheers:2026:12', 'survey:2026', 'meetings:2026:1', 'bogus', 7, null])).toBe(
      2,
    )
    expect(await recountHandedOver(payload, 'cheers:2026:1')).toBe(0)
  })
})

describe('bucket keys and the tags a recount drops', () => {
  it.each<[unknown, boolean]>([
    ['cheers:2026:0', true],
    ['plansRealised:2025:11', true],
    ['survey:2026', true],
    ['meetings:2026', true],
    ['cheers:2026:12', false],
    ['cheers:2026', false],
    ['meetings:2026:3', false],
    ['unknown:2026:1', false],
    ['cheers:2026:1;drop', false],
    [42, false],
  ])('%s is a bucket key: %s', (key, valid) => {
    expect(isBucketKey(key)).toBe(valid)
  })

  it('drops every tally read and the reads of the recounted metrics only', () => {
    expect(tallyTagsOf(['cheers:2026:1', 'cheers:2026:2', 'participants:2026:2'])).toEqual([
      'kpi-tallies',
      'kpi-tallies:cheers',
      'kpi-tallies:participants',
    ])
    expect(tallyTagsOf(['meetings:2026'])).toEqual(['kpi-tallies', 'kpi-tallies:meetings'])
  })

  it('marks nothing for no buckets', async () => {
    markTallies(payload, [])
    await flushTallies(payload)
    expect(await tallyJobs()).toEqual([])
  })
})
