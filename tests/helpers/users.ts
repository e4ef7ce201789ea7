import type { Payload } from 'payload'

import type { User } from '../../cms/payload-types'
import type { Role } from '../../cms/domain/roles'

/** Creates a user with the given roles and returns it as Payload hands it to access functions. */
export async function createUser(payload: Payload, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@test.example`) {
  const user = await payload.create({
    collection: 'users',
    data: { email, name: `${role} テスト`, roles: [role], password: 'test-password-123' },
  })
  return { ...user, collection: 'users' as const } as User & { collection: 'users' }
}
