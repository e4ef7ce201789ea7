import type { FlattenedField, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PERSONAL_DATA } from '../../cms/domain/personalData'
import { PERSONAL_GROUP_ACCESS } from '../../cms/fields/common'
import { undeclaredPersonalFields } from '../helpers/personalDataWalk'

/**
 * The registry of personal data (cms/domain/personalData.ts) against the built Payload config: a group of
 * personal data that is not declared would be skipped by retention, deletion requests, the read audit and the
 * leak tests without a sound, so its mere presence fails here.
 */

let config: SanitizedConfig

beforeAll(async () => {
  config = await (await import('@payload-config')).default
})

const collection = (slug: string) => config.collections.find((c) => c.slug === slug)!
const fieldAt = (fields: FlattenedField[], path: string): FlattenedField | undefined => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((f) => f.name === head)
  if (!field || !rest.length) return field
  return 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

describe('personal-data registry', () => {
  it('every field that looks personal sits in a declared group or a declared exception', () => {
    expect(undeclaredPersonalFields(config.collections)).toEqual([])
  })

  it('finds an undeclared contact group, so the check above can fail', () => {
    const stray: FlattenedField[] = [
      { name: 'helperContact', type: 'group', flattenedFields: [{ name: 'email', type: 'text' }], fields: [] } as unknown as FlattenedField,
      { name: 'notes', type: 'textarea', access: { read: PERSONAL_GROUP_ACCESS.staff.read } } as unknown as FlattenedField,
    ]
    const events = collection('events')
    expect(undeclaredPersonalFields([{ slug: 'events', flattenedFields: [...events.flattenedFields, ...stray] }])).toEqual([
      'events.helperContact.email (named email)',
      'events.notes (read guarded as personal data)',
    ])
  })

  it.each(PERSONAL_DATA.map((g) => ({ name: `${g.collection}.${g.group}`, g })))('$name is built as declared', ({ g }) => {
    const group = fieldAt(collection(g.collection).flattenedFields, g.group)
    expect(group?.type).toBe('group')
    expect((group as { flattenedFields: FlattenedField[] }).flattenedFields.map((f) => f.name)).toEqual(Object.keys(g.fields))
    // A deletion request replaces these beside the group: a renamed field would be skipped without a sound.
    const topLevel = collection(g.collection).flattenedFields.map((f) => f.name)
    expect(Object.keys(g.eraseBeside ?? {}).filter((name) => !topLevel.includes(name))).toEqual([])
    // Retention clears every stored version of a collection with versions, and only there.
    expect({ versions: Boolean(g.versions) }).toEqual({ versions: Boolean(collection(g.collection).versions) })
  })
})
