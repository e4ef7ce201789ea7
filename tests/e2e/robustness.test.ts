// Generated hostile input against every public form and endpoint: never a 5xx, a Japanese message for every
// refused form, nothing stored for a refused case (counted before and after as the editor).
// A separate portal with ESUKO_RATE_LIMIT_SCALE raised, so thousands of cases per form are not refused as a flood;
// the shared portal keeps its normal limits. FUZZ_SEED=<n> replays another run; FUZZ_CASES=<n> sets the cases per
// form (150 in `npm test` to keep CI within its time; run with FUZZ_CASES=5000 before a release).
import { Agent, fetch as fetchFresh } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { PLAN_KINDS } from '../../cms/domain/plans'
import { AGE_BANDS, TOWNS } from '../../cms/domain/options'
import { FUZZ_SEED, type Rng, type Value, histogram, hostileValue, multipart, pool, rng, urlencoded } from '../helpers/fuzz'
import { type RunningPortal, startPortal } from '../helpers/servers'
import { createAsEditor, createOpenEvent, editorToken } from '../helpers/site'

const CASES = Number(process.env.FUZZ_CASES ?? 150)
const CONCURRENCY = 16
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

let portal: RunningPortal
let token: string // one signed _t, 3 s old, valid for 24 h
let planId: number
let event: { id: number; slug: string }
const story = STORIES.find((s) => s.status === 'published')!
const failures: string[] = []
const report: Record<string, unknown> = {}

beforeAll(async () => {
  portal = await startPortal({ ESUKO_RATE_LIMIT_SCALE: '100000' })
  const html = await (await fetch(`${portal.siteUrl}/survey`)).text()
  token = /name="_t" value="([^"]+)"/.exec(html)![1]
  const plan = await createAsEditor<{ id: number }>(portal.cmsUrl, 'plans', {
    kind: 'challenge',
    title: '入力試験のためのプラン',
    description: '試験用',
    town: '大東町',
    status: 'published',
  })
  planId = plan.id
  event = await createOpenEvent(portal.cmsUrl, { title: '入力試験のイベント', capacity: 1_000_000 })
  await new Promise((r) => setTimeout(r, 3_200))
}, 180_000)

afterAll(async () => {
  console.log('[robustness] seed', FUZZ_SEED, JSON.stringify(report, null, 1))
  await portal?.stop()
})

async function count(collection: string): Promise<number> {
  const res = await fetch(`${portal.cmsUrl}/api/${collection}?limit=1&depth=0&draft=true`, {
    headers: { authorization: `JWT ${await editorToken(portal.cmsUrl)}` },
  })
  if (!res.ok) throw new Error(`count ${collection}: ${res.status}`)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

// ---------------------------------------------------------------------------------------------------
// Forms

type Field = [string, Value, { file?: boolean }?]
type FormSpec = { action: string; page: () => string; collection: string; valid: (r: Rng, i: number) => Field[] }

const contact = (r: Rng, i: number): Field[] => {
  const pick = r.int(0, 2)
  return [
    ['email', pick === 1 ? '' : `fuzz${i}@example.jp`],
    ['phone', pick === 0 ? '' : '0854-00-1234'],
  ]
}
const nickname = (r: Rng): Field => ['nickname', r.pick(['えすこ', '👏うんなん', '𠮷田', 'Taro', 'ｴｽｺ太郎'])]

const FORMS: FormSpec[] = [
  {
    action: 'submitPlan',
    page: () => '/plans/new',
    collection: 'plans',
    valid: (r, i) => [
      ['kind', r.pick(PLAN_KINDS)],
      ['title', `試験プラン${i}`],
      ['description', '畑で一緒に😀'],
      ['town', r.pick(TOWNS)],
      nickname(r),
      ...contact(r, i),
      ['consent', 'on'],
    ],
  },
  {
    action: 'offerSupport',
    page: () => `/plans/${planId}`,
    collection: 'support-offers',
    valid: (r, i) => [
      ['plan', String(planId)],
      ['kind', r.pick(['cheer', 'help'])],
      nickname(r),
      ['message', r.chance(0.5) ? '' : '応援します'],
      ...contact(r, i),
      ['consent', 'on'],
    ],
  },
  {
    action: 'registerForEvent',
    page: () => `/events/${event.slug}`,
    collection: 'event-registrations',
    valid: (r, i) => [
      ['event', String(event.id)],
      nickname(r),
      ['partySize', String(r.int(1, 10))],
      ['town', r.pick([...TOWNS, 'outside'])],
      ...contact(r, i),
      ['accessibilityNeeds', ''],
      ['consent', 'on'],
    ],
  },
  {
    action: 'nominate',
    page: () => '/nominate',
    collection: 'stories',
    valid: (r, i) => [
      ['kind', r.pick(['nominate', 'story'])],
      ['title', `試験の推薦${i}`],
      ['about', '近所の方です。\n毎朝あいさつ。'],
      ['connection', ''],
      ['town', r.pick(TOWNS)],
      nickname(r),
      ...contact(r, i),
      ['consent', 'on'],
    ],
  },
  {
    action: 'cheer',
    page: () => `/stories/${story.slug}`,
    collection: 'cheers',
    valid: (r) => [
      ['targetType', 'plans'],
      ['target', String(planId)],
      ['message', r.chance(0.5) ? '' : 'がんばって👏'],
    ],
  },
  {
    action: 'answerSurvey',
    page: () => '/survey',
    collection: 'survey-responses',
    valid: (r) => [
      ['answer', String(r.int(1, 5))],
      ['town', r.pick(TOWNS)],
      ['ageBand', r.pick(AGE_BANDS)],
    ],
  },
  {
    action: 'requestDeletion',
    page: () => '/privacy/delete',
    collection: 'deletion-requests',
    // Addresses no other form uses, so a processed request never removes another test's records.
    valid: (r, i) => [
      ['email', r.chance(0.7) ? `nobody-${i}@deletion.example.jp` : ''],
      ['phone', r.chance(0.5) ? '' : '0854-99-0000'],
      ['note', r.chance(0.5) ? '' : '消してください'],
    ],
  },
]

const EXTRA_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'kind.x',
  'a[]',
  'x'.repeat(300),
  '',
  '\u0000',
  '<b>',
  '🙂',
  'id',
  'createdAt',
  '_status',
  'reviewStatus',
  'dedupeKey',
]

type Built = { body: Uint8Array | string; contentType?: string; note: string }

/** One generated case: a valid submission, then a few mutations of fields, guard or the body itself. */
function buildCase(spec: FormSpec, r: Rng, i: number): Built {
  let fields: Field[] = [...spec.valid(r, i), ['_t', token], ['website', '']]
  const notes: string[] = []
  if (!r.chance(0.15)) {
    for (let m = r.int(1, 3); m > 0; m--) {
      const at = r.int(0, fields.length - 1)
      const [name] = fields[at]
      switch (r.int(0, 9)) {
        case 0:
          fields.splice(at, 1)
          notes.push(`drop ${name}`)
          break
        case 1:
          fields.push([name, r.chance(0.5) ? fields[at][1] : hostileValue(r)])
          notes.push(`dup ${name}`)
          break
        case 2:
          fields.push([r.pick(EXTRA_NAMES), hostileValue(r)])
          notes.push('extra')
          break
        case 3:
          fields[at] = [name, hostileValue(r), { file: true }]
          notes.push(`file ${name}`)
          break
        case 4:
          if (r.chance(0.3)) {
            fields = fields.map((f) =>
              f[0] === '_t' ? ['_t', r.pick(['', 'x', '1.abc', `${Date.now()}.forged`, `${token}x`, token.replace(/^\d+/, '0')])] : f,
            )
            notes.push('bad _t')
          } else if (r.chance(0.2)) {
            fields = fields.map((f) => (f[0] === 'website' ? ['website', 'http://spam.example'] : f))
            notes.push('honeypot')
          }
          break
        default:
          fields[at] = [name, hostileValue(r)]
          notes.push(`hostile ${name}`)
      }
    }
  }
  const roll = r.next()
  if (roll < 0.03) {
    fields.push(['about', 'あ'.repeat(1_200_000)])
    notes.push('oversized')
  }
  const note = notes.join(', ') || 'valid'
  if (roll > 0.97) {
    const kind = r.int(0, 3)
    if (kind === 0) return { body: '{"answer":', contentType: 'application/json', note: 'broken json' }
    if (kind === 1) return { body: 'answer=3', contentType: 'text/plain', note: 'text/plain' }
    if (kind === 2)
      return {
        body: '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\ntrunc',
        contentType: 'multipart/form-data; boundary=zz',
        note: 'truncated multipart',
      }
    return { body: 'garbage', contentType: 'multipart/form-data', note: 'multipart without boundary' }
  }
  if (r.chance(0.6) && !fields.some((f) => f[2]?.file))
    return { body: urlencoded(fields.map(([k, v]) => [k, v])), contentType: 'application/x-www-form-urlencoded', note }
  const { body, contentType } = multipart(fields, `----fuzz${i}`)
  return { body, contentType, note: `${note} (multipart)` }
}

const oneShot = new Agent({ pipelining: 0 })
afterAll(() => oneShot.close())

describe('public forms with generated hostile input', () => {
  for (const spec of FORMS) {
    it(`${spec.action}: ${CASES} cases, never a 5xx, Japanese refusals, nothing stored when refused`, async () => {
      const r = rng(FUZZ_SEED + spec.action.length * 7919 + spec.action.charCodeAt(0))
      const cases = Array.from({ length: CASES }, (_, i) => buildCase(spec, r, i))
      const before = await count(spec.collection)
      const dropped: string[] = []
      const statuses = await pool(cases, CONCURRENCY, async (c, i) => {
        const where0 = `${spec.action} #${i} (${c.note})`
        let res: Awaited<ReturnType<typeof fetchFresh>>
        let text: string
        try {
          res = await fetchFresh(`${portal.siteUrl}${spec.page()}?_action=${spec.action}`, {
            method: 'POST',
            headers: { Origin: portal.siteUrl, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) },
            body: c.body as string,
            redirect: 'manual',
            // A fresh connection per case: a refused body may leave the server closing a kept-alive socket,
            // which the next request on it would see as a transport error rather than an answer.
            dispatcher: oneShot,
          })
          text = await res.text()
        } catch (error) {
          // An oversized body may be answered (413) and the connection closed before the client has sent it all.
          // Otherwise the connection was dropped after the request was sent (seen rarely under load): it is
          // counted apart, and the stored count may then exceed the acknowledged one by at most these cases.
          if (!c.note.includes('oversized')) dropped.push(`${where0}: ${String(error)}`)
          return 0
        }
        const where = `${spec.action} #${i} (${c.note}) → ${res.status}`
        if (res.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`)
        else if (res.status === 303) {
          if (!/^\/(thanks\/|stories\/.*cheered=1)/.test(res.headers.get('location') ?? ''))
            failures.push(`${where}: redirect to ${res.headers.get('location')}`)
        } else if (res.status >= 400) {
          const alert =
            /role="alert"[^>]*>([\s\S]{0,600})/.exec(text)?.[1] ?? (res.headers.get('content-type')?.startsWith('text/plain') ? text : '')
          if (!JAPANESE.test(alert.replace(/<[^>]*>/g, ''))) failures.push(`${where}: no Japanese message: ${text.slice(0, 200)}`)
        } else failures.push(`${where}: unexpected status`)
        // Put-back input sits in quoted attributes (Astro escapes the quote) or in escaped text.
        if (/<script>alert|<img src=x onerror|<svg\/onload/i.test(text.replace(/="[^"]*"/g, '')))
          failures.push(`${where}: unescaped markup in the page`)
        return res.status
      })
      const acknowledged = statuses.filter((s) => s === 303).length
      const after = await count(spec.collection)
      report[spec.action] = { cases: CASES, statuses: histogram(statuses), acknowledged, stored: after - before, dropped }
      expect(failures.filter((f) => f.startsWith(spec.action)).slice(0, 10)).toEqual([])
      expect(statuses.every((s) => s < 500)).toBe(true)
      // Every acknowledged case stored, every refused one not.
      expect(after - before).toBeGreaterThanOrEqual(acknowledged)
      expect(after - before).toBeLessThanOrEqual(acknowledged + dropped.length)
      expect(dropped.length).toBeLessThanOrEqual(5)
      expect(acknowledged).toBeGreaterThan(0)
    })
  }
})

// ---------------------------------------------------------------------------------------------------
// Endpoints

const HOSTILE_SEGMENTS = [
  '%00',
  '%FF',
  '%ED%A0%80',
  '%C0%AF',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%ZZ',
  '%',
  '%25',
  'a'.repeat(2000),
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%F0%9F%91%8F',
  '1e309',
  '-1',
  '0',
  '99999999999999999999',
  'null',
  'undefined',
  '__proto__',
  '%0d%0aSet-Cookie:x=1',
]

const safeEncode = (v: string): string => {
  try {
    return encodeURIComponent(v)
  } catch {
    return '%ED%A0%80' // a lone surrogate: sent as the malformed UTF-8 bytes it would be
  }
}

function hostileQuery(r: Rng): string {
  const parts: string[] = []
  for (let n = r.int(1, 5); n > 0; n--) {
    const key = r.pick([
      'page',
      'limit',
      'tag',
      'town',
      'theme',
      'q',
      'sort',
      'back',
      'cheered',
      'where[id][equals]',
      'kind',
      'format',
      'a[]',
      '__proto__[x]',
      '_action',
      'depth',
    ])
    parts.push(
      `${encodeURIComponent(key)}=${r.chance(0.5) ? r.pick(HOSTILE_SEGMENTS) : safeEncode(String(hostileValue(r)).slice(0, 3000))}`,
    )
  }
  return parts.join('&')
}

async function getStatus(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { redirect: 'manual' })
  return { status: res.status, text: await res.text() }
}

describe('public endpoints with hostile paths and query strings', () => {
  const pages = () => [
    '/',
    '/stories',
    `/stories/${story.slug}`,
    '/citizens',
    '/organisations',
    '/plans',
    `/plans/${planId}`,
    '/plans/new',
    '/events',
    `/events/${event.slug}`,
    '/survey',
    '/nominate',
    '/privacy',
    '/privacy/delete',
    '/about',
    '/thanks/plan',
    '/thanks/support',
    '/robots.txt',
  ]
  const slugRoutes = ['/stories/', '/citizens/', '/organisations/', '/plans/', '/events/', '/thanks/']

  it(`GET pages: ${CASES} cases, never a 5xx`, async () => {
    const r = rng(FUZZ_SEED + 1)
    const urls = Array.from({ length: CASES }, () =>
      r.chance(0.6)
        ? `${r.pick(pages())}?${hostileQuery(r)}`
        : `${r.pick(slugRoutes)}${r.pick(HOSTILE_SEGMENTS)}${r.chance(0.3) ? `?${hostileQuery(r)}` : ''}`,
    )
    const results = await pool(urls, CONCURRENCY, async (u) => ({ u, ...(await getStatus(`${portal.siteUrl}${u}`)) }))
    const statuses = results.map((x) => x.status)
    report.pages = { cases: urls.length, statuses: histogram(statuses) }
    expect(
      results
        .filter((x) => x.status >= 500)
        .map((x) => `${x.u} → ${x.status}`)
        .slice(0, 10),
    ).toEqual([])
    expect(results.filter((x) => /<script>alert/i.test(x.text.replace(/="[^"]*"/g, ''))).map((x) => x.u)).toEqual([])
  })

  it(`GET /events/<slug>.ics, /events.ics, /rss.xml, /sitemap.xml: ${CASES} cases, never a 5xx`, async () => {
    const r = rng(FUZZ_SEED + 2)
    const urls = Array.from({ length: CASES }, () => {
      const base = r.pick([
        `/events/${event.slug}.ics`,
        `/events/${r.pick(HOSTILE_SEGMENTS)}.ics`,
        '/events.ics',
        '/rss.xml',
        '/sitemap.xml',
      ])
      return r.chance(0.8) ? `${base}?${hostileQuery(r)}` : base
    })
    const results = await pool(urls, CONCURRENCY, async (u) => ({ u, ...(await getStatus(`${portal.siteUrl}${u}`)) }))
    const statuses = results.map((x) => x.status)
    report.feeds = { cases: urls.length, statuses: histogram(statuses) }
    expect(
      results
        .filter((x) => x.status >= 500)
        .map((x) => `${x.u} → ${x.status}`)
        .slice(0, 10),
    ).toEqual([])
  })

  it(`admin REST API, anonymous writes: ${CASES} cases, all refused with a 4xx, nothing stored`, async () => {
    const collections = [
      'plans',
      'stories',
      'cheers',
      'support-offers',
      'event-registrations',
      'survey-responses',
      'deletion-requests',
      'citizens',
      'organisations',
      'events',
      'users',
      'media',
    ]
    const before = await Promise.all(collections.map(count))
    const r = rng(FUZZ_SEED + 3)
    const bodies: (() => { body: BodyInit; type?: string; note: string })[] = [
      () => ({ body: '{"title":', type: 'application/json', note: 'broken json' }),
      () => ({ body: r.pick(['[]', 'null', '"x"', '1', 'true', '{}']), type: 'application/json', note: 'wrong json type' }),
      () => ({
        body: '{"title":1,"title":"<script>alert(1)</script>","status":"published"}',
        type: 'application/json',
        note: 'duplicate keys',
      }),
      () => ({
        body: JSON.stringify({
          title: hostileValue(r),
          description: 42,
          town: ['x'],
          kind: { $ne: 1 },
          _status: 'published',
          __proto__: { admin: true },
        }),
        type: 'application/json',
        note: 'wrong types',
      }),
      () => ({
        body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        type: 'application/json',
        note: 'malformed utf-8',
      }),
      () => ({ body: JSON.stringify({ title: 'x'.repeat(r.pick([100_000, 2_000_000])) }), type: 'application/json', note: 'huge json' }),
      () => ({ body: 'title=x', type: r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']), note: 'other type' }),
    ]
    const cases = Array.from({ length: CASES }, (_, i) => {
      const collection = r.pick(collections)
      const method = r.pick(['POST', 'POST', 'PATCH', 'DELETE'] as const)
      const target =
        method === 'POST'
          ? `/api/${collection}`
          : `/api/${collection}/${r.pick(['1', '2', 'abc', '%00', '99999999999999999999', `1?where[id][exists]=true`])}`
      // Anonymous uploads to /api/media are a known 500 in Payload 3.90 (see the it.fails below); sent there.
      if (collection === 'media' && method === 'POST' && r.chance(0.5) && process.env.FUZZ_MEDIA_UPLOADS === '1') {
        const form = new FormData()
        const size = r.pick([10, 1024, 5_000_000, 12_000_000])
        form.set(
          'file',
          new Blob([new Uint8Array(size)], { type: r.pick(['image/png', 'text/html', 'application/x-sh']) }),
          r.pick(['a.png', '<script>.png', '../../x.png', '\u0000.png']),
        )
        form.set('_payload', JSON.stringify({ alt: hostileValue(r) }))
        return { i, method, target, body: form as BodyInit, type: undefined, note: `upload ${size}` }
      }
      const b = r.pick(bodies)()
      return { i, method, target, body: b.body, type: b.type, note: b.note }
    })
    const results = await pool(cases, 8, async (c) => {
      const res = await fetch(`${portal.cmsUrl}${c.target}`, {
        method: c.method,
        headers: c.type ? { 'Content-Type': c.type } : {},
        body: c.body,
        redirect: 'manual',
      })
      await res.arrayBuffer()
      return { ...c, status: res.status }
    })
    const statuses = results.map((x) => x.status)
    report.rest = { cases: cases.length, statuses: histogram(statuses) }
    expect(
      results
        .filter((x) => x.status >= 500 || x.status < 400)
        .map((x) => `${x.method} ${x.target} (${x.note}) → ${x.status}`)
        .slice(0, 10),
    ).toEqual([])
    expect(await Promise.all(collections.map(count))).toEqual(before)
  })

  // Payload 3.90's own parser answers a malformed multipart body with a 500; cms/proxy.ts refuses it first.
  it('admin REST API: a malformed multipart body is answered with a 4xx', async () => {
    const statuses = await pool(['plans', 'stories', 'events', 'users'], 4, async (collection) => {
      const res = await fetch(`${portal.cmsUrl}/api/${collection}`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=zz' },
        body: 'garbage',
      })
      await res.arrayBuffer()
      return res.status
    })
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true)
  })

  it('admin REST API: an anonymous upload to /api/media is answered with a 4xx', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(1024)], { type: 'image/png' }), 'a.png')
    form.set('_payload', JSON.stringify({ alt: 'x' }))
    const res = await fetch(`${portal.cmsUrl}/api/media`, { method: 'POST', body: form })
    await res.arrayBuffer()
    expect(res.status).toBeLessThan(500)
  })
})
