// Two production site processes on one database (as `SITE_PORTS=a,b npm start` runs them) and this test as the
// admin's Local API: what the processes must share lives in the database (rate limits, the cheer-once rule,
// event seats), and an edit reaches the caches of both. The portal of global-setup.ts is not used here.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  freePorts,
  type FormReply,
  formToken,
  pageChangesWithin,
  postForm,
  type SiteProcesses,
  startSiteProcesses,
} from '../helpers/siteProcesses'
import { recordedConsent } from '../helpers/fixtures'
import { DATA_CACHE_TTL_MS, invalidationKey, PAGE_STORE_PATH, SIGNATURE_HEADER, signInvalidationWith } from '../../cms/lib/cacheProtocol'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-shared-'))
// SQLite by default; on the MongoDB wire protocol when run through tests/helpers/run-with-jongodb.mjs (or a
// real server through run-with-mongodb.mjs): `node tests/helpers/run-with-jongodb.mjs vitest run -c tests/e2e/vitest.config.ts tests/e2e/shared-state.test.ts`.
const mongoBase = process.env.ESUKO_TEST_MONGO_URI
const databaseUri = (() => {
  if (!mongoBase) return `file:${path.join(dataDir, 'shared.db')}`
  const url = new URL(mongoBase)
  url.pathname = `/esuko_shared_${path.basename(dataDir).replace(/\W/g, '_')}`
  return url.toString()
})()
const env = {
  PAYLOAD_SECRET: 'shared-state-secret-0123456789abcdef',
  ESUKO_DATA_DIR: dataDir,
  DATABASE_URI: databaseUri,
}

let payload: Payload
let sites: SiteProcesses
let token: string
const DAY = 86_400_000

beforeAll(async () => {
  const ports = await freePorts(2)
  // This process is the admin: its hooks post each invalidation to every port of SITE_PORTS.
  Object.assign(process.env, env, { SITE_PORTS: ports.join(',') })
  delete process.env.SITE_INTERNAL_URLS
  delete process.env.ESUKO_SITE_INVALIDATION
  const { bootPayload } = await import('../helpers/payload')
  payload = await bootPayload()
  sites = await startSiteProcesses(ports, env)
  token = await formToken(sites.urls[0])
}, 120_000)

afterAll(async () => {
  await sites?.stop()
  const { shutdownPayload } = await import('../helpers/payload')
  await shutdownPayload(payload)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const accepted = (r: FormReply) => r.status === 303
const get = async (url: string) => {
  const res = await fetch(url, { redirect: 'manual' })
  return { status: res.status, html: await res.text() }
}

const publishedStory = (title: string) =>
  payload.create({
    collection: 'stories',
    data: {
      title,
      origin: 'editorial',
      reviewStatus: 'received',
      lead: '共有状態の試験',
      consent: recordedConsent(),
      _status: 'published',
    } as never,
  })

const openEvent = (title: string, capacity: number) =>
  payload.create({
    collection: 'events',
    data: {
      kind: 'furumai',
      title,
      town: '木次町',
      startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
      registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
      capacity,
      _status: 'published',
    } as never,
  })

describe('cache invalidation across site processes', () => {
  it('an edit through the Local API shows on the pages of both processes within a second', async () => {
    const story = await publishedStory('共有キャッシュの話')
    const urls = sites.urls.map((u) => `${u}/stories/${story.slug}`)
    // The create's own invalidations (and their repeat 400 ms later) settle before the caches are warmed.
    await new Promise((r) => setTimeout(r, 1_000))
    for (const url of urls) for (let i = 0; i < 2; i++) expect((await get(url)).html).toContain('共有キャッシュの話')

    // A write that skips the hooks (no invalidation): both processes keep serving what they cached, so the
    // check below can only pass through the fan-out.
    await payload.db.updateOne({ collection: 'stories', id: story.id, data: { title: '黙って変えた題' } })
    await new Promise((r) => setTimeout(r, 600))
    for (const url of urls) expect((await get(url)).html).toContain('共有キャッシュの話')

    await payload.update({ collection: 'stories', id: story.id, data: { title: '編集した題' } })
    const took = await Promise.all(urls.map((url) => pageChangesWithin(1_000, url, (html) => html.includes('編集した題'))))
    for (const ms of took) expect(ms).toBeLessThanOrEqual(1_000)
    console.log(`[shared-state] edit visible on both site processes after ${took.join(' ms / ')} ms`)
  })

  it("a resident's registration through one process shows in the other's remaining seats within a second", async () => {
    const event = await openEvent('残席表示の共有テスト', 10)
    const [a, b] = sites.urls.map((u) => `${u}/events/${event.slug}`)
    for (const url of [a, b]) expect((await get(url)).html).toContain('残り 10 名')
    const reply = await postForm(sites.urls[0], `/events/${event.slug}?_action=registerForEvent`, registration(event.id, 3), '127.0.0.20')
    expect(reply.status, reply.text.slice(0, 500)).toBe(303)
    expect(await pageChangesWithin(1_000, b, (html) => html.includes('残り 7 名'))).toBeLessThanOrEqual(1_000)
  })
})

const registration = (eventId: number | string, partySize = 1): Record<string, string> => ({
  event: String(eventId),
  nickname: 'さんか',
  partySize: String(partySize),
  town: '木次町',
  phone: '0854-00-0000',
  consent: 'on',
  _t: token,
  website: '',
})

describe('event capacity across site processes', () => {
  it('accepts exactly the capacity when residents register for the last seats through both processes at once', async () => {
    const event = await openEvent('最後の席の取り合い', 8)
    await payload.create({ collection: 'event-registrations', data: { event: event.id, nickname: '窓口受付', partySize: 3 } as never })
    // 5 seats left, 14 residents (different addresses) at once, alternating between the processes.
    const replies = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        postForm(sites.urls[i % 2], `/events/${event.slug}?_action=registerForEvent`, registration(event.id), `127.0.1.${i + 1}`),
      ),
    )
    expect(replies.filter(accepted)).toHaveLength(5)
    for (const refused of replies.filter((r) => !accepted(r))) expect(refused.text).toContain('定員に達したため')
    const { docs } = await payload.find({
      collection: 'event-registrations',
      where: { event: { equals: event.id }, status: { equals: 'confirmed' } },
      pagination: false,
    })
    expect(docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)).toBe(8)
  })
})

describe('rate limits and the cheer-once rule across site processes', () => {
  it('refuses the sixth survey answer from one address whichever process it reaches; another address is counted apart', async () => {
    // Windows are fixed ten-minute slots: do not start a count a few seconds before one ends.
    const intoWindow = Date.now() % 600_000
    if (intoWindow > 590_000) await new Promise((r) => setTimeout(r, 600_000 - intoWindow + 100))
    const answer = (i: number, from: string) =>
      postForm(
        sites.urls[i % 2],
        '/survey?_action=answerSurvey',
        { answer: String((i % 5) + 1), town: '木次町', ageBand: '40s', _t: token, website: '' },
        from,
      )
    const before = await payload.count({ collection: 'survey-responses' })

    for (let i = 0; i < 5; i++) {
      const reply = await answer(i, '127.0.2.1')
      expect(reply.status, reply.text.slice(0, 300)).toBe(303)
    }
    for (let i = 5; i < 7; i++) {
      const refused = await answer(i, '127.0.2.1')
      expect(refused.status).toBe(429)
      expect(refused.text).toContain('短い時間に送信が続いたため')
    }
    expect(accepted(await answer(1, '127.0.2.2'))).toBe(true)
    expect((await payload.count({ collection: 'survey-responses' })).totalDocs - before.totalDocs).toBe(6)
  })

  it('stores one cheer per resident and story per day, sent through both processes at once', async () => {
    const story = await publishedStory('拍手を一度だけ')
    const cheer = (site: string, from: string) =>
      postForm(
        site,
        `/stories/${story.slug}?_action=cheer`,
        { targetType: 'stories', target: String(story.id), message: '', _t: token, website: '' },
        from,
      )
    const replies = await Promise.all([0, 1, 0, 1, 0, 1].map((i) => cheer(sites.urls[i], '127.0.3.1')))
    expect(replies.filter(accepted)).toHaveLength(1)
    for (const refused of replies.filter((r) => !accepted(r))) expect(refused.text).toContain('拍手は同じ相手に1日1回まで')
    // Another resident may still cheer, through either process.
    expect(accepted(await cheer(sites.urls[1], '127.0.3.2'))).toBe(true)
    expect((await payload.count({ collection: 'cheers', where: { story: { equals: story.id } } })).totalDocs).toBe(2)
  })
})

describe('the page store shared by the site processes (site/lib/pageStore.ts)', () => {
  const source = (res: Response) => res.headers.get('x-esuko-cache')
  const cheers = (html: string) => Number(/data-cheer-count>(\d+)</.exec(html)?.[1] ?? NaN)
  const status = async (site: string) =>
    (await (await fetch(`${site}${PAGE_STORE_PATH}`)).json()) as { sweeps: number; sweeping: boolean; rendered: number }
  /** Asks one process to pre-render now (signed like an invalidation) and waits until that sweep is over. */
  async function sweep(site: string) {
    const before = await status(site)
    const body = JSON.stringify({ sweep: true })
    const key = invalidationKey(env.PAYLOAD_SECRET)
    const res = await fetch(`${site}${PAGE_STORE_PATH}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signInvalidationWith(key, body) },
    })
    expect(res.status).toBe(202)
    for (let i = 0; i < 600; i++) {
      const now = await status(site)
      if (now.sweeps > before.sweeps && !now.sweeping) return now
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the sweep did not finish within a minute')
  }

  it('serves a page one process pre-rendered from both, shows a cheer, and never serves a withdrawn story', async () => {
    const story = await publishedStory('事前に描いておく話')
    const [a, b] = sites.urls.map((u) => `${u}/stories/${story.slug}`)
    // Pages of another process are trusted only a data-cache lifetime after a change they show (pageStore.ts).
    await new Promise((r) => setTimeout(r, DATA_CACHE_TTL_MS + 500))
    const swept = await sweep(sites.urls[0])
    expect(swept.rendered).toBeGreaterThan(0)

    // Nobody has read it: both processes answer it from the disk, the one that did not render it too.
    for (const url of [b, a]) {
      const res = await fetch(url)
      expect(source(res)).toBe('store')
      expect(await res.text()).toContain('事前に描いておく話')
    }
    // A page read once stays on disk; read again, it is kept in the memory too and answered from there.
    expect([source(await fetch(b)), source(await fetch(b))]).toEqual(['store', 'memory'])
    const forged = await fetch(`${sites.urls[0]}${PAGE_STORE_PATH}`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: `${Date.now()}.forged` },
    })
    expect(forged.status).toBe(403)

    // A cheer only moves a count: the stored page is served while it is rendered again, then shows the cheer.
    const before = cheers(await (await fetch(a)).text())
    const reply = await postForm(
      sites.urls[1],
      `/stories/${story.slug}?_action=cheer`,
      { targetType: 'stories', target: String(story.id), message: '', _t: token, website: '' },
      '127.0.4.1',
    )
    expect(accepted(reply)).toBe(true)
    expect(await pageChangesWithin(3_000, a, (html) => cheers(html) === before + 1)).toBeLessThanOrEqual(3_000)

    // Withdrawn: neither process may answer from the disk any more, whatever the files still hold.
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'draft' } })
    for (const url of [a, b]) {
      const took = Date.now()
      for (;;) {
        const res = await fetch(url, { redirect: 'manual' })
        await res.arrayBuffer()
        if (res.status === 410) break
        expect(Date.now() - took, `${url} still answers ${res.status} (${source(res)})`).toBeLessThan(1_000)
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  }, 120_000)

  it('a process started later does not trust pages rendered before it started', async () => {
    const story = await publishedStory('後から起きた処理の話')
    // The create's own invalidations (and their repeat 400 ms later) settle before the page is rendered.
    await new Promise((r) => setTimeout(r, 1_000))
    await sweep(sites.urls[0])
    expect(source(await fetch(`${sites.urls[0]}/stories/${story.slug}`))).toMatch(/^(store|memory)$/)
    const [port] = await freePorts(1)
    const late = await startSiteProcesses([port], { ...env, ESUKO_PRERENDER: '0' })
    try {
      const res = await fetch(`${late.urls[0]}/stories/${story.slug}`)
      expect(res.status).toBe(200)
      expect(source(res)).toBe('render')
    } finally {
      await late.stop()
    }
  }, 120_000)
})
