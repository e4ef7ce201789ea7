import type { FieldAccess, FlattenedField } from 'payload'

import { NOT_PERSONAL_DATA, PERSONAL_DATA } from '../../cms/domain/personalData'
import { PERSONAL_GROUP_ACCESS } from '../../cms/fields/common'

/** The field-access rules that guard personal data: a field read through one of them holds some. */
export const PERSONAL_GUARDS = new Set<FieldAccess>(Object.values(PERSONAL_GROUP_ACCESS).flatMap((access) => Object.values(access)))

type WalkedCollection = { slug: string; flattenedFields: FlattenedField[] }

/** Why a field looks personal, or undefined. */
function personalSign(field: FlattenedField): string | undefined {
  const read = (field as { access?: { read?: FieldAccess } }).access?.read
  if (read && PERSONAL_GUARDS.has(read)) return 'read guarded as personal data'
  if (field.type === 'email') return 'an e-mail field'
  if (/^(e-?mail|phone|tel|mobile)$/i.test(field.name)) return `named ${field.name}`
  return undefined
}

const covered = (slug: string, path: string) =>
  [...PERSONAL_DATA.map((g) => ({ collection: g.collection, path: g.group })), ...NOT_PERSONAL_DATA].some(
    (d) => d.collection === slug && (path === d.path || path.startsWith(`${d.path}.`)),
  )

/**
 * Every field in the built collections that looks like personal data (guarded by a personal-data access rule,
 * an e-mail field, or named like a contact) but sits outside every group declared in cms/domain/personalData.ts
 * and outside the declared exceptions: `collection.path (why)`.
 */
export function undeclaredPersonalFields(collections: WalkedCollection[]): string[] {
  const found: string[] = []
  const walk = (slug: string, fields: FlattenedField[], prefix: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}.${field.name}` : field.name
      const sign = personalSign(field)
      if (sign && !covered(slug, path)) found.push(`${slug}.${path} (${sign})`)
      if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) walk(slug, field.flattenedFields, path)
      if (field.type === 'blocks') for (const block of field.blocks) if (typeof block === 'object') walk(slug, block.flattenedFields, path)
    }
  }
  for (const c of collections) walk(c.slug, c.flattenedFields, '')
  return found
}
