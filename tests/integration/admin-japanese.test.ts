import { sql } from '@payloadcms/db-sqlite'
import { initI18n } from '@payloadcms/translations'
import { createLocalReq, docAccessOperation, flattenAllFields, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ADMIN_TIMEZONES, JAPAN_TIMEZONE } from '../../cms/domain/dates'
import { TOWN_OPTIONS } from '../../cms/domain/options'
import { down, up } from '../../cms/migrations/20261129_171722_japan_time'
import { rest } from '../helpers/api'
import { onJongodb } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Issue 13, point 5: the admin speaks Japanese throughout — Japan time without a timezone question, Japanese
// words where Payload would print English, private fields on the create form, a title on every collection.

let payload: Payload
let coordinator: Awaited<ReturnType<typeof createUser>>
let coordinatorToken: string
let citizenId: number | string

const PASSWORD = 'test-password-123'
const TOWN = TOWN_OPTIONS[0]!.value

beforeAll(async () => {
  payload = await bootPayload()
  coordinator = await createUser(payload, 'coordinator')
  coordinatorToken = (await payload.login({ collection: 'users', data: { email: coordinator.email, password: PASSWORD } })).token!
  citizenId = (await payload.create({ collection: 'citizens', data: { displayName: '時刻テストの市民', town: TOWN } as never })).id
})
afterAll(() => shutdownPayload(payload))

/** A connection as a coordinator records it: a day, nothing about timezones. */
const connection = () => ({
  citizen: citizenId,
  withOther: '近所の高校生',
  connectedAt: '2026-05-01T03:00:00.000Z',
  origin: 'activity',
  town: TOWN,
})

const RECORD_CONNECTION = {
  'Local API': async (data: Record<string, unknown>) =>
    (await payload.create({ collection: 'connections', data: data as never, overrideAccess: false, user: coordinator })).id,
  REST: async (data: Record<string, unknown>) => {
    const res = await rest('POST', '/api/connections', { token: coordinatorToken, body: data })
    expect(res.status, res.text).toBe(201)
    return res.json.doc.id as number | string
  },
} as const

describe('Japan time without a timezone question', () => {
  it.each(Object.keys(RECORD_CONNECTION) as (keyof typeof RECORD_CONNECTION)[])(
    'a connection recorded through the %s without a timezone is accepted and kept as Japan time',
    async (channel) => {
      const id = await RECORD_CONNECTION[channel](connection())
      const stored = await payload.findByID({ collection: 'connections', id, depth: 0 })
      expect(stored.connectedAt_tz).toBe(JAPAN_TIMEZONE)
      expect(stored.connectedAt).toBe('2026-05-01T03:00:00.000Z')
    },
  )

  it('a timezone other than Japan time sent with a connection is stored as Japan time', async () => {
    const id = await RECORD_CONNECTION['Local API']({ ...connection(), connectedAt_tz: 'Pacific/Midway' })
    expect((await payload.findByID({ collection: 'connections', id, depth: 0 })).connectedAt_tz).toBe(JAPAN_TIMEZONE)
  })

  it('a connection stored earlier with the Midway Island timezone reads and saves as Japan time', async () => {
    const id = await RECORD_CONNECTION['Local API'](connection())
    // As the old form stored 1 May picked with "(UTC-11:00) Midway Island": noon there, under every hook.
    await payload.db.updateOne({
      collection: 'connections',
      id,
      data: { connectedAt: '2026-05-01T23:00:00.000Z', connectedAt_tz: 'Pacific/Midway' },
    })
    const read = await payload.findByID({ collection: 'connections', id, depth: 0 })
    expect(read.connectedAt_tz).toBe(JAPAN_TIMEZONE)
    // The day the coordinator picked, at the same wall-clock time in Japan (12:00 JST).
    expect(read.connectedAt).toBe('2026-05-01T03:00:00.000Z')
    const res = await rest('PATCH', `/api/connections/${id}`, { token: coordinatorToken, body: { howItCameAbout: '清掃活動で' } })
    expect(res.status, res.text).toBe(200)
    expect(res.json.doc.connectedAt_tz).toBe(JAPAN_TIMEZONE)
    expect(res.json.doc.connectedAt).toBe('2026-05-01T03:00:00.000Z')
  })

  it.skipIf(onJongodb)('the migration rewrites connections stored with another timezone as the same day in Japan', async () => {
    const id = await RECORD_CONNECTION['Local API'](connection())
    await payload.db.updateOne({
      collection: 'connections',
      id,
      data: { connectedAt: '2026-05-01T23:00:00.000Z', connectedAt_tz: 'Pacific/Midway' },
    })
    const db = (payload.db as unknown as { drizzle: unknown }).drizzle
    await down({ db, payload } as never)
    await up({ db, payload } as never)
    // The stored row itself, not what the read hooks make of it.
    const [row] = await (db as { all: (q: unknown) => Promise<Record<string, unknown>[]> }).all(
      sql.raw(`SELECT connected_at, connectedat_tz FROM connections WHERE id = ${Number(id)}`),
    )
    expect(row).toEqual({ connected_at: '2026-05-01T03:00:00.000Z', connectedat_tz: JAPAN_TIMEZONE })
  })

  it('offers Japan time as the one timezone of the admin and of every date field that has one', () => {
    expect(payload.config.admin.timezones.supportedTimezones).toEqual(ADMIN_TIMEZONES.supportedTimezones)
    const timezoneFields = [...payload.config.collections, ...payload.config.globals].flatMap((entity) =>
      flattenAllFields({ fields: entity.fields })
        .filter((f) => f.type === 'date' && f.timezone)
        .map((f) => ({
          entity: entity.slug,
          field: f.name,
          tz: flattenAllFields({ fields: entity.fields }).find((t) => t.name === `${f.name}_tz`),
        })),
    )
    expect(timezoneFields.map((f) => `${f.entity}.${f.field}`)).toContain('connections.connectedAt')
    for (const { entity, field, tz } of timezoneFields) {
      expect(tz && 'options' in tz ? tz.options : undefined, `${entity}.${field}_tz`).toEqual([
        { label: '日本時間', value: JAPAN_TIMEZONE },
      ])
      expect(tz && 'defaultValue' in tz ? tz.defaultValue : undefined, `${entity}.${field}_tz`).toBe(JAPAN_TIMEZONE)
    }
  })
})

describe('Japanese words in the admin', () => {
  it('offers Japanese as the only admin language', () => {
    expect(Object.keys(payload.config.i18n.supportedLanguages)).toEqual(['ja'])
    expect(payload.config.i18n.fallbackLanguage).toBe('ja')
    expect(payload.config.admin.dateFormat).toMatch(/年.*月.*日/)
  })

  // Payload's own Japanese strings for these are English ("Untitled", "true", "<No …>", "Not Found").
  it.each([
    ['general:untitled', {}],
    ['general:true', {}],
    ['general:false', {}],
    ['general:noLabel', { label: '拍手の相手（えすこ市民）' }],
    ['general:notFound', {}],
  ] as const)('%s is Japanese', async (key, vars) => {
    const i18n = await initI18n({ config: payload.config.i18n, context: 'client', language: 'ja' })
    const text = i18n.t(key, vars)
    expect(text).not.toMatch(/[A-Za-z<>]/)
    expect(text.length).toBeGreaterThan(0)
  })

  it('every collection an editor sees names its documents by a field (no [Untitled], no bare ids)', () => {
    for (const collection of payload.config.collections.filter((c) => !c.admin.hidden)) {
      const useAsTitle = collection.admin.useAsTitle
      expect(useAsTitle, collection.slug).toBeTruthy()
      if (useAsTitle === 'id') throw new Error(`${collection.slug} is titled by its id`)
      expect(
        collection.flattenedFields.some((f) => f.name === useAsTitle),
        `${collection.slug}.${useAsTitle}`,
      ).toBe(true)
    }
  })
})

describe('private fields of a new citizen', () => {
  /** The permissions the admin's create form is built from (Payload's document view asks the same, without an id). */
  const createFormPermissions = async (user: Awaited<ReturnType<typeof createUser>>) =>
    docAccessOperation({
      collection: payload.collections.citizens,
      data: { _status: 'draft' },
      req: await createLocalReq({ user }, payload),
    })

  /** Payload's sanitised permissions: `true` stands for "everything below", a missing key for "no". */
  const allows = (permissions: Awaited<ReturnType<typeof createFormPermissions>>, operation: 'create' | 'read') => {
    const fields = permissions.fields as unknown
    if (fields === true) return true
    const own = (fields as Record<string, unknown> | undefined)?.private as true | Record<string, unknown> | undefined
    if (own === true) return true
    const answer = own?.[operation] as boolean | { permission?: boolean } | undefined
    return answer === true || (typeof answer === 'object' && answer.permission === true)
  }

  it.each([
    ['coordinator', true],
    ['editor', true],
    ['admin', true],
    ['organisation', false],
  ] as const)('on the create form, a %s may see and fill the private fields: %s', async (role, allowed) => {
    const permissions = await createFormPermissions(await createUser(payload, role))
    expect(allows(permissions, 'read'), 'read').toBe(allowed)
    expect(allows(permissions, 'create'), 'create').toBe(allowed)
  })

  it('a coordinator creating a citizen stores and reads back the name, contact and notes', async () => {
    const created = await payload.create({
      collection: 'citizens',
      data: {
        displayName: '新しい市民',
        town: TOWN,
        private: { legalName: '雲南 花子', email: 'hanako@test.example', phone: '0854-00-0000', notes: '初回面談で登録' },
      } as never,
      overrideAccess: false,
      user: coordinator,
    })
    expect(created.private).toMatchObject({ legalName: '雲南 花子', email: 'hanako@test.example', notes: '初回面談で登録' })
    const stored = await payload.findByID({ collection: 'citizens', id: created.id, depth: 0 })
    expect(stored.private?.legalName).toBe('雲南 花子')
  })

  it('an organisation manager still cannot create a citizen nor read private data', async () => {
    const manager = await createUser(payload, 'organisation')
    await expect(
      payload.create({
        collection: 'citizens',
        data: { displayName: '団体から', town: TOWN, private: { legalName: '秘密 太郎' } } as never,
        overrideAccess: false,
        user: manager,
      }),
    ).rejects.toThrow()
  })
})
