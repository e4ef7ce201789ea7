// State that several site processes share lives in the database (cms/lib/sharedCounters.ts, the cheers' unique
// daily key) and invalidations reach every site process (cms/lib/siteFanout.ts). Concurrent writes here are
// interleaved at the database as two processes' would be; tests/e2e/shared-state.test.ts runs two real site
// processes. Runs on SQLite and, through `npm run test:mongo-smoke`, on the MongoDB wire protocol.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload, RequestContext } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { releaseSeatClaims, seatClaimsContext, seatsKey } from '../../cms/hooks/enforceEventCapacity'
import { LOCAL_INVALIDATE } from '../../cms/lib/cacheProtocol'
import { invalidateSite, verifyInvalidation } from '../../cms/lib/siteInvalidation'
import { hitCounter, pruneExpiredCounters, readCounter } from '../../cms/lib/sharedCounters'
import { siteInternalUrls } from '../../cms/lib/siteFanout'
import { createEvent, onJongodb, submitViaSite } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { rest } from '../helpers/api'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdownPayload(payload))

const confirmedSeats = async (eventId: number | string) => {
  const { docs } = await payload.find({
    collection: 'event-registrations',
    where: { event: { equals: eventId }, status: { equals: 'confirmed' } },
    pagination: false,
  })
  return docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
}

const register = (eventId: number | string, partySize = 1, nickname = 'はなこ') =>
  submitViaSite(payload, 'event-registrations', { event: eventId, nickname, partySize, contact: { phone: '0854-00-0000' } })

describe('event seats in the database', () => {
  it('accepts exactly the capacity when residents register for the last seats at once', async () => {
    const event = await createEvent(payload, { capacity: 9 })
    await register(event.id, 2)
    const results = await Promise.allSettled(Array.from({ length: 14 }, (_, i) => register(event.id, 1, `さんか${i}`)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7)
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason?.message)).toContain('定員に達した')
    expect(await confirmedSeats(event.id)).toBe(9)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(9)
  })

  it('gives seats back on cancellation, deletion and a smaller party, and counts staff additions', async () => {
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
    await payload.create({ collection: 'event-registrations', data: { event: event.id, nickname: '窓口受付', partySize: 3 } as never })
    expect(await readCounter(payload, seatsKey(event.id))).toBe(6)
    await expect(register(event.id)).rejects.toThrow('定員に達した')
    expect(await confirmedSeats(event.id)).toBe(6)
  })

  it('gives the seats back when the create fails after they were claimed (as the site and the REST route do)', async () => {
    const event = await createEvent(payload, { capacity: 3 })
    const context: RequestContext = { channel: 'site', ...seatClaimsContext() }
    // Field validation runs after the collection's beforeChange hooks: the seats are claimed, the row never written.
    const tooLong = { event: event.id, nickname: 'は'.repeat(41), partySize: 3, contact: { phone: '0854-00-0000' } }
    await expect(
      payload.create({ collection: 'event-registrations', data: tooLong as never, overrideAccess: false, context }),
    ).rejects.toThrow()
    expect(await readCounter(payload, seatsKey(event.id))).toBe(3)
    await releaseSeatClaims(context)
    await releaseSeatClaims(context)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(0)
    await register(event.id, 3)
    expect(await confirmedSeats(event.id)).toBe(3)
  })

  it("gives them back when the admin's REST create fails after the claim (the collection's afterError hook)", async () => {
    const event = await createEvent(payload, { capacity: 5 })
    await register(event.id, 2)
    const editor = await createUser(payload, 'editor')
    const login = await rest('POST', '/api/users/login', { body: { email: editor.email, password: 'test-password-123' } })
    const token = login.json.token as string
    const refused = await rest('POST', '/api/event-registrations', {
      token,
      body: { event: event.id, nickname: 'は'.repeat(41), partySize: 3 },
    })
    expect(refused.status).toBe(400)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(2)
    const created = await rest('POST', '/api/event-registrations', { token, body: { event: event.id, nickname: '窓口受付', partySize: 3 } })
    expect(created.status, created.text).toBe(201)
    expect(await readCounter(payload, seatsKey(event.id))).toBe(5)
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

describe('rate-limit counters in the database', () => {
  // jongodb (the smoke server) does not apply concurrent $inc upserts atomically; MongoDB and SQLite do.
  it.skipIf(onJongodb)('counts every hit exactly once when many land on the same window at once', async () => {
    const counts = await Promise.all(
      Array.from({ length: 40 }, () => hitCounter(payload, 'rl:test:client:1', new Date(Date.now() + 600_000))),
    )
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  it('prunes expired windows only', async () => {
    const now = Date.now()
    await hitCounter(payload, 'rl:test:expired', new Date(now - 1_000))
    await hitCounter(payload, 'rl:test:live', new Date(now + 600_000))
    expect(await pruneExpiredCounters(payload, new Date(now))).toBeGreaterThanOrEqual(1)
    expect(await readCounter(payload, 'rl:test:expired')).toBeNull()
    expect(await readCounter(payload, 'rl:test:live')).toBe(1)
  })
})

describe('cheer once, by the database', () => {
  it('stores one cheer when the same daily key arrives several times at once', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '拍手の相手（共有）', _status: 'published' } as never),
    })
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => submitViaSite(payload, 'cheers', { story: story.id, dedupeKey: 'same-client-same-day' })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((await payload.count({ collection: 'cheers', where: { dedupeKey: { equals: 'same-client-same-day' } } })).totalDocs).toBe(1)
  })
})

describe('fan-out of cache invalidations', () => {
  it.each([
    ['nothing set', {}, ['http://127.0.0.1:4321']],
    ['SITE_PORT', { SITE_PORT: '5000' }, ['http://127.0.0.1:5000']],
    ['SITE_INTERNAL_URL', { SITE_INTERNAL_URL: 'http://10.0.0.5:4321/' }, ['http://10.0.0.5:4321']],
    ['SITE_PORTS', { SITE_PORTS: '4321, 4322,4321', SITE_PORT: '5000' }, ['http://127.0.0.1:4321', 'http://127.0.0.1:4322']],
    [
      'SITE_INTERNAL_URLS over SITE_PORTS',
      { SITE_INTERNAL_URLS: 'http://10.0.0.5:4321,http://10.0.0.6:4321/', SITE_PORTS: '4321,4322' },
      ['http://10.0.0.5:4321', 'http://10.0.0.6:4321'],
    ],
  ] as [string, NodeJS.ProcessEnv, string[]][])('targets with %s', (_label, env, urls) => {
    expect(siteInternalUrls(env)).toEqual(urls)
  })

  type Site = { server: http.Server; port: number; received: string[][]; attempts: number }
  const sites: Site[] = []
  const saved = { ...process.env }
  const LOCAL = LOCAL_INVALIDATE

  /**
   * A loopback HTTP server standing in for a site process's /_internal/invalidate: checks the signature, records the
   * tags. `failing`: how its first requests fail (a dropped connection, a status), one entry per request.
   */
  const startSite = (failing: ('drop' | number)[] = []) =>
    new Promise<Site>((resolve) => {
      const site = { received: [] as string[][], attempts: 0 } as Site
      site.server = http.createServer((req, res) => {
        let body = ''
        req.on('data', (c) => (body += c))
        req.on('end', () => {
          const failure = failing[site.attempts++]
          if (failure === 'drop') return void req.socket.destroy()
          if (failure !== undefined) return void res.writeHead(failure).end()
          const ok = req.url === '/_internal/invalidate' && verifyInvalidation(body, req.headers['x-esuko-signature'] as string)
          if (ok) site.received.push((JSON.parse(body) as { tags: string[] }).tags)
          res.writeHead(ok ? 204 : 403).end()
        })
      })
      site.server.listen(0, '127.0.0.1', () => {
        site.port = (site.server.address() as AddressInfo).port
        sites.push(site)
        resolve(site)
      })
    })

  const until = async (check: () => boolean, limitMs = 1_000) => {
    const start = Date.now()
    while (!check()) {
      if (Date.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`)
      await new Promise((r) => setTimeout(r, 10))
    }
    return Date.now() - start
  }

  afterEach(async () => {
    // Batches still pending from this test's writes go out to this test's sites, not the next test's.
    await new Promise((r) => setTimeout(r, 100))
    process.env = { ...saved }
    delete (globalThis as Record<symbol, unknown>)[LOCAL]
    await Promise.all(sites.splice(0).map((s) => new Promise((r) => s.server.close(r))))
  })

  it('sends an edit made through the Local API to every site process, signed, within a second', async () => {
    const [a, b] = [await startSite(), await startSite()]
    process.env.SITE_PORTS = `${a.port},${b.port}`
    delete process.env.ESUKO_SITE_INVALIDATION
    const story = await payload.create({ collection: 'stories', data: storyData({ title: '配信の試験', _status: 'published' } as never) })
    await until(() => a.received.flat().includes('stories') && b.received.flat().includes('stories'))
    a.received.length = b.received.length = 0
    await payload.update({ collection: 'stories', id: story.id, data: { title: '配信の試験（更新）' } })
    expect(await until(() => a.received.flat().includes('stories') && b.received.flat().includes('stories'))).toBeLessThanOrEqual(1_000)
  })

  it('from a site process, drops its own cache at once and tells only the others', async () => {
    const [own, other] = [await startSite(), await startSite()]
    const local: string[][] = []
    ;(globalThis as Record<symbol, unknown>)[LOCAL] = (tags: string[]) => local.push(tags)
    Object.assign(process.env, { SITE_PORTS: `${own.port},${other.port}`, PORT: String(own.port) })
    delete process.env.ESUKO_SITE_INVALIDATION
    const event = await createEvent(payload, { capacity: 5, title: '自分以外へ配信' })
    local.length = 0
    other.received.length = 0
    await register(event.id)
    expect(local.flat()).toContain('event-registrations')
    await until(() => other.received.flat().includes('event-registrations'))
    expect(own.received.flat()).not.toContain('event-registrations')
    // A burst of changes goes out as one request per process.
    invalidateSite(['burst-1'])
    invalidateSite(['burst-2'])
    invalidateSite(['burst-3'])
    await until(() => other.received.some((tags) => ['burst-1', 'burst-2', 'burst-3'].every((t) => tags.includes(t))))
    expect(own.received.flat().filter((t) => t.startsWith('burst-'))).toEqual([])
  })

  it.each([
    ['a dropped connection', ['drop'] as ('drop' | number)[]],
    ['a 503, then a dropped connection', [503, 'drop'] as ('drop' | number)[]],
  ])('sends an invalidation again after %s, signed, until it is taken', async (_label, failing) => {
    const site = await startSite(failing)
    Object.assign(process.env, { SITE_PORTS: String(site.port) })
    delete process.env.ESUKO_SITE_INVALIDATION
    invalidateSite(['retry-1'])
    // 250 ms, then 1 s more: the site's page cache counts on a lost invalidation being sent again.
    await until(() => site.received.flat().includes('retry-1'), 3_000)
    expect(site.attempts).toBe(failing.length + 1)
    expect(site.received).toEqual([['retry-1']])
  })

  it('does not send again what a site refused (a 4xx is an answer)', async () => {
    const site = await startSite([403, 403, 403])
    Object.assign(process.env, { SITE_PORTS: String(site.port) })
    delete process.env.ESUKO_SITE_INVALIDATION
    invalidateSite(['refused-1'])
    await until(() => site.attempts === 1)
    await new Promise((r) => setTimeout(r, 600))
    expect(site.attempts).toBe(1)
    expect(site.received).toEqual([])
  })
})
