import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLE_LABELS, ROLES } from '../../cms/domain/roles'
import { rest } from '../helpers/api'
import { auditEntries } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Issue 13, point 3: a new account has no role until an admin chooses one, the form says what each role can
// read, and every change of roles (or of the organisations a manager speaks for) is in the audit log.

let payload: Payload
let admin: Awaited<ReturnType<typeof createUser>>
let adminToken: string
let organisationId: number | string

const PASSWORD = 'test-password-123'

beforeAll(async () => {
  payload = await bootPayload()
  admin = await createUser(payload, 'admin')
  adminToken = (await payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD } })).token!
  organisationId = (await payload.create({ collection: 'organisations', data: { name: '役割テスト団体', kind: 'npo' } as never })).id
})
afterAll(() => shutdownPayload(payload))

const email = () => `new-${Math.random().toString(36).slice(2, 10)}@test.example`

/** An admin creating an account, through each way in. Returns the stored user. */
const CHANNELS = {
  'Local API': async (data: Record<string, unknown>) =>
    payload.create({
      collection: 'users',
      data: { name: '新しい職員', email: email(), password: PASSWORD, ...data } as never,
      overrideAccess: false,
      user: admin,
    }),
  REST: async (data: Record<string, unknown>) => {
    const res = await rest('POST', '/api/users', {
      token: adminToken,
      body: { name: '新しい職員', email: email(), password: PASSWORD, ...data },
    })
    expect(res.status, res.text).toBe(201)
    return payload.findByID({ collection: 'users', id: res.json.doc.id, depth: 0 })
  },
} as const

const changeRoles = {
  'Local API': (id: number | string, data: Record<string, unknown>) =>
    payload.update({ collection: 'users', id, data, overrideAccess: false, user: admin }),
  REST: async (id: number | string, data: Record<string, unknown>) => {
    const res = await rest('PATCH', `/api/users/${id}`, { token: adminToken, body: data })
    expect(res.status, res.text).toBe(200)
  },
} as const

describe.each(Object.keys(CHANNELS) as (keyof typeof CHANNELS)[])('a new account (%s)', (channel) => {
  it('has no role when the admin chose none', async () => {
    const user = await CHANNELS[channel]({})
    expect(user.roles ?? []).toEqual([])
  })

  it.each([[['coordinator']], [['organisation']], [['editor', 'coordinator']]])('has exactly the roles chosen: %j', async (roles) => {
    const user = await CHANNELS[channel]({ roles, ...(roles.includes('organisation') ? { organisations: [organisationId] } : {}) })
    expect([...(user.roles ?? [])].sort()).toEqual([...roles].sort())
  })
})

describe('an account without a role', () => {
  it('cannot enter the admin nor read staff-only collections', async () => {
    const user = await CHANNELS['Local API']({})
    const token = (await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })).token!
    const access = await rest('GET', '/api/access', { token })
    expect(access.status).toBe(200)
    expect(access.json?.canAccessAdmin).not.toBe(true)
    for (const slug of ['audit-log', 'survey-responses', 'deletion-requests']) {
      expect((await rest('GET', `/api/${slug}`, { token })).status, slug).toBe(403)
    }
  })
})

describe('the role field', () => {
  const field = () =>
    payload.collections.users.config.fields.find((f) => 'name' in f && f.name === 'roles') as {
      defaultValue?: unknown
      admin?: { description?: unknown }
    }

  it('is not pre-filled', () => {
    expect(field().defaultValue).toBeUndefined()
  })

  it('says in Japanese what each role can read', () => {
    const description = field().admin?.description as { ja?: string } | undefined
    for (const role of ROLES) expect(description?.ja, role).toContain(ROLE_LABELS[role].ja)
    expect(description?.ja).toMatch(/個人情報/)
  })
})

describe('the audit log', () => {
  const roleEntries = async (id: number | string) =>
    (
      await auditEntries(payload, {
        and: [{ collectionSlug: { equals: 'users' } }, { docId: { equals: String(id) } }, { action: { equals: 'change_roles' } }],
      })
    ).map((e) => e.summary)

  it.each(Object.keys(CHANNELS) as (keyof typeof CHANNELS)[])(
    'records the roles given at creation and every change, with before and after (%s)',
    async (channel) => {
      const user = await CHANNELS[channel]({ roles: ['coordinator'] })
      expect(await roleEntries(user.id)).toEqual(['役割: なし → コーディネーター'])

      await changeRoles[channel](user.id, { roles: ['coordinator', 'editor'] })
      await changeRoles[channel](user.id, { name: '名前だけ変更' })
      await changeRoles[channel](user.id, { roles: [] })
      expect(await roleEntries(user.id)).toEqual([
        '役割: なし → コーディネーター',
        '役割: コーディネーター → 編集者（市広報）、コーディネーター',
        '役割: 編集者（市広報）、コーディネーター → なし',
      ])
    },
  )

  it('records which organisations a manager speaks for, when they change', async () => {
    const user = await CHANNELS['Local API']({ roles: ['organisation'], organisations: [organisationId] })
    const other = await payload.create({ collection: 'organisations', data: { name: 'もう一つの団体', kind: 'npo' } as never })
    await changeRoles['Local API'](user.id, { organisations: [organisationId, other.id] })
    expect(await roleEntries(user.id)).toEqual([
      `役割: なし → 団体管理者／管理する団体: なし → ${organisationId}`,
      `管理する団体: ${organisationId} → ${organisationId}、${other.id}`,
    ])
    const [entry] = await auditEntries(payload, { and: [{ docId: { equals: String(user.id) } }, { action: { equals: 'change_roles' } }] })
    expect(entry.user).toBe(admin.id)
  })
})

// Last: it empties the users table.
describe('the first account of an empty database', () => {
  it('becomes the administrator when given no role, so someone can choose roles for the others', async () => {
    await payload.delete({ collection: 'users', where: { id: { exists: true } } })
    const first = await payload.create({ collection: 'users', data: { name: '最初の管理者', email: email(), password: PASSWORD } as never })
    expect(first.roles).toEqual(['admin'])
    const second = await payload.create({ collection: 'users', data: { name: '次の職員', email: email(), password: PASSWORD } as never })
    expect(second.roles ?? []).toEqual([])
  })
})
