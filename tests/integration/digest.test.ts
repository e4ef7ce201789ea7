import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DIGEST_CSV_HEADERS, type Digest } from '../../cms/lib/digest'
import { fiscalYearOf } from '../../cms/domain/fiscalYear'
import { secretEmail, secretPhone, secretText } from '../helpers/accessWorld'
import { rest } from '../helpers/api'
import { citizenData, planData } from '../helpers/domain'
import { recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'
import type { Plan } from '../../cms/payload-types'

// The generated id type (numbers on SQLite); MongoDB hands strings, which these tests only pass along.
type Id = Plan['id']

let payload: Payload
const ids: Record<string, Id> = {}
/** Every personal value written in this file: none may ever appear in a digest. */
const secrets: string[] = []
const tokens: Record<'orgA' | 'orgAB' | 'editor' | 'admin' | 'coordinator', string> = {} as never

const secret = <T extends string>(value: T): T => {
  secrets.push(value)
  return value
}

const PASSWORD = 'test-password-123'
const login = async (email: string) => {
  const res = await rest('POST', '/api/users/login', { body: { email, password: PASSWORD } })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`)
  return res.json.token as string
}

const getHandler = REST_GET(config)
/** The raw response (headers and bytes: Response.text() would swallow the BOM). */
async function raw(path: string, token?: string) {
  const url = new URL(path, 'http://localhost')
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  const res = await getHandler(new Request(url, { method: 'GET', headers }), { params: Promise.resolve({ slug }) })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

/** RFC 4180 parsing, enough to check the file's shape. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

const digestOf = async (org: 'A' | 'B', token = tokens.editor): Promise<Digest> => {
  const res = await rest('GET', `/api/organisations/${ids[`org${org}`]}/digest`, { token })
  expect(res.status).toBe(200)
  return res.json as Digest
}
const idSet = (docs: { id: number | string }[]) => docs.map((d) => String(d.id)).sort()
const expectIds = (docs: { id: number | string }[], keys: string[]) => expect(idSet(docs)).toEqual(keys.map((k) => String(ids[k])).sort())

beforeAll(async () => {
  payload = await bootPayload()

  const org = async (key: string, name: string, town: '木次町' | '掛合町') => {
    const doc = await payload.create({
      collection: 'organisations',
      data: {
        name,
        kind: 'npo',
        town,
        district: `${name}地区`,
        published: true,
        contact: { email: secret(secretEmail(`org${key}`)), phone: secret(secretPhone()) },
      },
    })
    ids[`org${key}`] = doc.id
  }
  await org('A', 'だいどころ団体A', '木次町')
  await org('B', 'やまびこ団体B', '掛合町')

  const citizen = await payload.create({
    collection: 'citizens',
    data: citizenData({
      private: { legalName: secret(secretText('legal')), email: secret(secretEmail('citizen')), phone: secret(secretPhone()) },
    }),
  })

  const story = async (key: string, data: Record<string, unknown>, published = true) => {
    const doc = await payload.create({
      collection: 'stories',
      data: {
        title: `STORY-${key}`,
        origin: 'resident',
        reviewStatus: published ? 'published' : 'reviewing',
        _status: published ? 'published' : 'draft',
        consent: published ? recordedConsent() : undefined,
        submission: { nickname: secret(secretText(`nick${key}`)), email: secret(secretEmail(`story${key}`)), phone: secret(secretPhone()) },
        ...data,
      } as never,
      draft: !published,
    })
    ids[`story${key}`] = doc.id
  }
  await story('A-linked', { organisations: [ids.orgA], town: '大東町', citizens: [citizen.id] })
  await story('A-town', { town: '木次町' })
  await story('A-draft', { organisations: [ids.orgA], town: '木次町' }, false)
  await story('B-linked', { organisations: [ids.orgB], town: '掛合町' })
  await story('other', { town: '吉田町' })

  const plan = async (key: string, town: '木次町' | '掛合町' | '吉田町', status: 'received' | 'published' | 'realised') => {
    const doc = await payload.create({
      collection: 'plans',
      data: planData({
        title: `PLAN-${key}`,
        town,
        status,
        proposer: citizen.id,
        proposerNickname: secret(secretText(`proposer${key}`)),
        proposerContact: { email: secret(secretEmail(`plan${key}`)), phone: secret(secretPhone()) },
      }),
    })
    ids[`plan${key}`] = doc.id
  }
  await plan('A-town', '木次町', 'published')
  await plan('A-received', '木次町', 'received')
  await plan('A-connected', '吉田町', 'realised')
  await plan('B-town', '掛合町', 'published')
  await plan('other', '吉田町', 'published')

  const offer = async (key: string, org: Id, planKey: string, status: 'received' | 'approved') => {
    const doc = await payload.create({
      collection: 'support-offers',
      data: {
        plan: ids[`plan${planKey}`],
        organisation: org,
        kind: 'help',
        nickname: secret(secretText(`offer${key}`)),
        message: `OFFER-${key}`,
        status,
        contact: { email: secret(secretEmail(`offer${key}`)), phone: secret(secretPhone()) },
      },
    })
    ids[`offer${key}`] = doc.id
  }
  await offer('A', ids.orgA, 'A-town', 'approved')
  await offer('A-received', ids.orgA, 'A-town', 'received')
  await offer('B', ids.orgB, 'B-town', 'approved')

  const connection = async (key: string, org: Id, town: '木次町' | '掛合町', planKey?: string) => {
    const doc = await payload.create({
      collection: 'connections',
      data: {
        citizen: citizen.id,
        withOrganisation: org,
        connectedAt: new Date().toISOString(),
        connectedAt_tz: 'Asia/Tokyo',
        origin: 'plan',
        howItCameAbout: secret(secretText(`how${key}`)),
        town,
        plan: planKey ? ids[`plan${planKey}`] : undefined,
      },
    })
    ids[`connection${key}`] = doc.id
  }
  await connection('A', ids.orgA, '木次町', 'A-connected')
  await connection('B', ids.orgB, '掛合町')

  const orgUser = async (email: string, organisations: Id[]) =>
    payload.create({ collection: 'users', data: { email, name: '団体の人', roles: ['organisation'], organisations, password: PASSWORD } })
  await orgUser('org-a@test.example', [ids.orgA])
  await orgUser('org-ab@test.example', [ids.orgA, ids.orgB])
  const editor = await createUser(payload, 'editor', 'editor-digest@test.example')
  const admin = await createUser(payload, 'admin', 'admin-digest@test.example')
  const coordinator = await createUser(payload, 'coordinator', 'coordinator-digest@test.example')
  tokens.orgA = await login('org-a@test.example')
  tokens.orgAB = await login('org-ab@test.example')
  tokens.editor = await login(editor.email)
  tokens.admin = await login(admin.email)
  tokens.coordinator = await login(coordinator.email)
})
afterAll(() => shutdownPayload(payload))

describe('digest contents', () => {
  it("holds exactly the organisation's own and its town's public content", async () => {
    const a = await digestOf('A')
    expect(a.organisation).toMatchObject({ id: ids.orgA, name: 'だいどころ団体A', town: '木次町' })
    expectIds(a.stories, ['storyA-linked', 'storyA-town'])
    expectIds(a.plans, ['planA-town', 'planA-connected'])
    expectIds(a.supportOffers, ['offerA'])
    expectIds(a.connections, ['connectionA'])
    expect(a.stories.find((s) => s.id === ids['storyA-linked'])?.reasons).toEqual(['organisation'])
    expect(a.stories.find((s) => s.id === ids['storyA-town'])?.reasons).toEqual(['town'])
    expect(a.plans.find((p) => p.id === ids['planA-town'])?.reasons).toEqual(['town', 'support'])
    expect(a.plans.find((p) => p.id === ids['planA-connected'])?.reasons).toEqual(['connection'])
    expect(a.connections[0].plan).toEqual({ id: ids['planA-connected'], title: 'PLAN-A-connected' })

    const b = await digestOf('B')
    expectIds(b.stories, ['storyB-linked'])
    expectIds(b.plans, ['planB-town'])
    expectIds(b.supportOffers, ['offerB'])
    expectIds(b.connections, ['connectionB'])
  })

  it("contains nothing of another organisation's, in JSON or CSV", async () => {
    const a = JSON.stringify(await digestOf('A'))
    const csvA = (await raw(`/api/organisations/${ids.orgA}/digest.csv`, tokens.editor)).text
    for (const text of [a, csvA]) {
      for (const marker of [
        'STORY-B-linked',
        'PLAN-B-town',
        'OFFER-B',
        'STORY-other',
        'PLAN-other',
        'STORY-A-draft',
        'PLAN-A-received',
        'OFFER-A-received',
        'やまびこ団体B',
      ]) {
        expect(text).not.toContain(marker)
      }
    }
    const csvB = (await raw(`/api/organisations/${ids.orgB}/digest.csv`, tokens.editor)).text
    for (const marker of ['STORY-A', 'PLAN-A', 'OFFER-A', 'だいどころ団体A']) expect(csvB).not.toContain(marker)
    expect(csvA).toContain('STORY-A-linked')
    expect(csvB).toContain('PLAN-B-town')
  })

  it('contains no personal data for anyone who may read it', async () => {
    expect(secrets.length).toBeGreaterThan(20)
    for (const [token, orgs] of [
      [tokens.editor, ['orgA', 'orgB']],
      [tokens.admin, ['orgA', 'orgB']],
      [tokens.orgAB, ['orgA', 'orgB']],
    ] as const) {
      for (const org of orgs) {
        const json = await rest('GET', `/api/organisations/${ids[org]}/digest`, { token })
        const csv = await raw(`/api/organisations/${ids[org]}/digest.csv`, token)
        expect(json.status).toBe(200)
        expect(csv.status).toBe(200)
        for (const value of secrets) {
          expect(json.text).not.toContain(value)
          expect(csv.text).not.toContain(value)
        }
        // No person is referenced at all: no citizen, submitter or recorder fields.
        expect(json.text).not.toMatch(
          /"(citizen|citizens|proposer|proposerNickname|proposerContact|submission|contact|nickname|howItCameAbout|recordedBy|email|phone)"/,
        )
      }
    }
  })

  it('limits the period with ?fy=', async () => {
    const fy = fiscalYearOf(new Date())
    const current = (await rest('GET', `/api/organisations/${ids.orgA}/digest?fy=${fy}`, { token: tokens.editor })).json as Digest
    expect(current.fiscalYear).toBe(fy)
    expectIds(current.stories, ['storyA-linked', 'storyA-town'])
    const past = (await rest('GET', `/api/organisations/${ids.orgA}/digest?fy=2020`, { token: tokens.editor })).json as Digest
    expect(past.period).toBe('令和2年度')
    expect([past.stories.length, past.supportOffers.length, past.connections.length]).toEqual([0, 0, 0])
  })
})

describe('digest access', () => {
  const csvStatus = async (org: 'A' | 'B', token?: string) => (await raw(`/api/organisations/${ids[`org${org}`]}/digest.csv`, token)).status

  it('lets a manager read their own organisations only', async () => {
    expect(await csvStatus('A', tokens.orgA)).toBe(200)
    expect(await csvStatus('B', tokens.orgA)).toBe(403)
    expect(await csvStatus('A', tokens.orgAB)).toBe(200)
    expect(await csvStatus('B', tokens.orgAB)).toBe(200)
    const refused = await rest('GET', `/api/organisations/${ids.orgB}/digest`, { token: tokens.orgA })
    expect(refused.status).toBe(403)
    expect(refused.json.errors[0].message).toBe('この団体のフィードバックを見る権限がありません。')
    expect(refused.text).not.toContain('STORY-B')
  })

  it('refuses anonymous callers and staff without the editor role', async () => {
    for (const path of [`/api/organisations/${ids.orgA}/digest.csv`, `/api/organisations/${ids.orgA}/digest`]) {
      const anonymous = await raw(path)
      expect(anonymous.status).toBe(401)
      expect(anonymous.text).toContain('ログインしてください')
      expect(anonymous.text).not.toContain('STORY-A')
      expect((await raw(path, tokens.coordinator)).status).toBe(403)
    }
  })

  it('lets editors and admins read any organisation, and answers 404 for none', async () => {
    for (const token of [tokens.editor, tokens.admin]) {
      expect(await csvStatus('A', token)).toBe(200)
      expect(await csvStatus('B', token)).toBe(200)
    }
    const missing = typeof ids.orgA === 'number' ? 999999 : '0123456789abcdef01234567'
    expect((await raw(`/api/organisations/${missing}/digest.csv`, tokens.editor)).status).toBe(404)
    // A manager asking for an organisation that does not exist learns nothing either.
    expect((await raw(`/api/organisations/${missing}/digest.csv`, tokens.orgA)).status).toBe(403)
  })
})

describe('digest CSV', () => {
  it('is a UTF-8 download with a BOM, Japanese headers and one row per item', async () => {
    const res = await raw(`/api/organisations/${ids.orgA}/digest.csv`, tokens.orgA)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(/^attachment; filename="esuko-digest-[\w-]+\.csv"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toContain('だいどころ団体A')
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(res.text.endsWith('\r\n')).toBe(true)

    const rows = parseCsv(res.text.slice(1))
    expect(rows[0]).toEqual([...DIGEST_CSV_HEADERS])
    expect(rows[0][0]).toBe('区分')
    expect(rows.every((r) => r.length === DIGEST_CSV_HEADERS.length)).toBe(true)
    // 2 stories + 2 plans + 1 offer + 1 connection.
    expect(rows.slice(1).map((r) => r[0])).toEqual(['ストーリー', 'ストーリー', 'プラン', 'プラン', '応援の申し出', 'つながり'])
    const storyRow = rows.find((r) => r[2] === 'STORY-A-linked')!
    expect(storyRow[1]).toBe('団体が関わった')
    expect(storyRow[5]).toBe('大東町')
    expect(storyRow[8]).toMatch(/\/stories\/[a-z0-9-]+$/)
    const connectionRow = rows.find((r) => r[0] === 'つながり')!
    expect(connectionRow.slice(3, 8)).toEqual(['ウエルビーイングプランを通じて', '', '木次町', connectionRow[6], 'PLAN-A-connected'])
  })

  it('defuses spreadsheet formulas in free text', async () => {
    const offer = await payload.create({
      collection: 'support-offers',
      data: {
        plan: ids['planA-town'],
        organisation: ids.orgA,
        kind: 'cheer',
        nickname: 'x',
        message: '=HYPERLINK("http://evil.example","click")',
        status: 'approved',
      },
    })
    const rows = parseCsv((await raw(`/api/organisations/${ids.orgA}/digest.csv`, tokens.orgA)).text.slice(1))
    expect(rows.find((r) => r[0] === '応援の申し出' && r[2].includes('HYPERLINK'))?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")`)
    await payload.delete({ collection: 'support-offers', id: offer.id })
  })
})
