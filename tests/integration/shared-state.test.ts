// State that several site processes must share lives in the database: these cases write from separate Node
// processes (tests/helpers/sharedStateWorker.ts) on this file's database at the same moment.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seatsKey } from '../../cms/hooks/enforceEventCapacity'
import { hitCounter, pruneExpiredCounters, readCounter } from '../../cms/lib/sharedCounters'
import { createEvent, submitViaSite } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { runWorkers, type WorkerResult } from '../helpers/processes'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdownPayload(payload))

/** Runs the same task in two other processes at once. */
const inTwoProcesses = async (task: Record<string, unknown>): Promise<WorkerResult[]> => (await runWorkers([task, task])).flat()

const confirmedSeats = async (eventId: number | string) => {
  const { docs } = await payload.find({ collection: 'event-registrations', where: { event: { equals: eventId }, status: { equals: 'confirmed' } }, pagination: false })
  return docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
}

const register = (eventId: number | string, partySize = 1) =>
  submitViaSite(payload, 'event-registrations', { event: eventId, nickname: 'はなこ', partySize, contact: { phone: '0854-00-0000' } })

describe('event capacity across processes', () => {
  it('accepts exactly the capacity when two processes register for the last seats at once', async () => {
    const event = await createEvent(payload, { capacity: 9 })
    await register(event.id, 2)
    const results = await inTwoProcesses({ kind: 'register', event: event.id, count: 8, partySize: 1 })
    expect(results.filter((r) => r.ok)).toHaveLength(7)
    for (const refused of results.filter((r) => !r.ok)) expect(refused.error).toContain('定員に達した')
    expect(await confirmedSeats(event.id)).toBe(9)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(9)
  }, 120_000)

  it('gives seats back on cancellation, deletion and a smaller party, and takes them for staff additions', async () => {
    const event = await createEvent(payload, { capacity: 4 })
    const a = await register(event.id, 2)
    const b = await register(event.id, 2)
    await expect(register(event.id)).rejects.toThrow('定員に達した')

    await payload.update({ collection: 'event-registrations', id: a.id, data: { status: 'cancelled' } })
    expect(await readCounter(payload, seatsKey(event.id))).toBe(2)
    await register(event.id, 2)
    await expect(register(event.id)).rejects.toThrow('定員に達した')

    await payload.update({ collection: 'event-registrations', id: b.id, data: { partySize: 1 } })
    await register(event.id, 1)
    await payload.delete({ collection: 'event-registrations', id: b.id })
    expect(await readCounter(payload, seatsKey(event.id))).toBe(3)

    // Staff may go beyond the capacity; the seats still count, so residents stay refused until enough are freed.
    await payload.create({ collection: 'event-registrations', data: { event: event.id, nickname: '窓口受付', partySize: 3 } })
    expect(await readCounter(payload, seatsKey(event.id))).toBe(6)
    await expect(register(event.id)).rejects.toThrow('定員に達した')
    expect(await confirmedSeats(event.id)).toBe(6)
  })

  it('starts a missing counter from the confirmed registrations already stored', async () => {
    const event = await createEvent(payload, { capacity: 3 })
    await register(event.id, 2)
    // As after a deployment: registrations exist, the counter does not yet.
    await payload.db.deleteMany({ collection: 'shared-counters', where: { key: { equals: seatsKey(event.id) } } })
    await expect(register(event.id, 2)).rejects.toThrow('残りの席は 1 名分')
    await register(event.id, 1)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(3)
  })
})

describe('rate-limit counters across processes', () => {
  it('counts every hit exactly once when two processes hit the same window at once', async () => {
    const results = await inTwoProcesses({ kind: 'hit', key: 'rl:test:client:1', count: 40 })
    expect(results.every((r) => r.ok)).toBe(true)
    const counts = results.map((r) => Number(r.value)).sort((x, y) => x - y)
    expect(counts).toEqual(Array.from({ length: 80 }, (_, i) => i + 1))
  }, 120_000)

  it('prunes expired windows only', async () => {
    const now = Date.now()
    await hitCounter(payload, 'rl:test:expired', new Date(now - 1_000))
    await hitCounter(payload, 'rl:test:live', new Date(now + 600_000))
    expect(await pruneExpiredCounters(payload, new Date(now))).toBeGreaterThanOrEqual(1)
    expect(await readCounter(payload, 'rl:test:expired')).toBeNull()
    expect(await readCounter(payload, 'rl:test:live')).toBe(1)
  })
})

describe('cheer once across processes', () => {
  it('stores one cheer when two processes send the same daily key at once', async () => {
    const story = await payload.create({ collection: 'stories', data: storyData({ title: '拍手の相手（共有）', _status: 'published' } as never) })
    const results = await inTwoProcesses({ kind: 'cheer', story: story.id, dedupeKey: 'same-client-same-day', count: 3 })
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const { totalDocs } = await payload.count({ collection: 'cheers', where: { dedupeKey: { equals: 'same-client-same-day' } } })
    expect(totalDocs).toBe(1)
  }, 120_000)
})
