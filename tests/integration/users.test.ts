import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdownPayload(payload))

describe('roles', () => {
  it.each(['editor', 'coordinator', 'organisation'] as const)('%s cannot raise their own role', async (role) => {
    const user = await createUser(payload, role)
    const updated = await payload.update({
      collection: 'users',
      id: user.id,
      data: { roles: ['admin'] },
      overrideAccess: false,
      user,
    })
    expect(updated.roles).toEqual([role])
  })

  it('an admin can change roles', async () => {
    const admin = await createUser(payload, 'admin')
    const target = await createUser(payload, 'editor')
    const updated = await payload.update({
      collection: 'users',
      id: target.id,
      data: { roles: ['coordinator'] },
      overrideAccess: false,
      user: admin,
    })
    expect(updated.roles).toEqual(['coordinator'])
  })

  it('anonymous readers see no accounts', async () => {
    await createUser(payload, 'editor')
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
  })

  it('a non-admin sees only their own account', async () => {
    const editor = await createUser(payload, 'editor')
    const { docs } = await payload.find({ collection: 'users', overrideAccess: false, user: editor })
    expect(docs.map((d) => d.id)).toEqual([editor.id])
  })
})

describe('login', () => {
  it('locks an account after repeated wrong passwords', async () => {
    const user = await createUser(payload, 'editor')
    for (let i = 0; i < 5; i++) {
      await expect(payload.login({ collection: 'users', data: { email: user.email, password: 'wrong' } })).rejects.toThrow()
    }
    await expect(payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-123' } })).rejects.toThrow(
      /lock|ロック/i,
    )
  })
})
