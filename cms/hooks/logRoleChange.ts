import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../domain/ids'
import { describeRoles } from '../domain/roles'
import type { User } from '../payload-types'
import { writeEntry } from './audit'

// Numeric ids (SQLite) by number, ObjectIds (MongoDB) as strings: both then read in creation order.
const byId = (a: string, b: string) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0)
const organisationIds = (value: User['organisations']): string[] => (value ?? []).map((o) => String(idOf(o))).sort(byId)
const describeOrganisations = (ids: string[]) => (ids.length ? ids.join('、') : 'なし')
const roleSet = (roles: User['roles']) => describeRoles(roles ?? [])

/**
 * Who may read what is decided by an account's roles and, for a manager, its organisations: every change of
 * either (creation included) gets its own audit entry saying before → after, whichever way it was made.
 */
export const logRoleChange: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'create' ? undefined : previousDoc
  const changes = [
    { field: 'roles', label: '役割', from: roleSet(before?.roles), to: roleSet(doc.roles) },
    {
      field: 'organisations',
      label: '管理する団体',
      from: describeOrganisations(organisationIds(before?.organisations)),
      to: describeOrganisations(organisationIds(doc.organisations)),
    },
  ].filter((c) => c.from !== c.to)
  if (!changes.length) return doc
  await writeEntry(req, {
    action: 'change_roles',
    collection: 'users',
    docId: doc.id,
    summary: changes.map((c) => `${c.label}: ${c.from} → ${c.to}`).join('／'),
    fields: changes.map((c) => c.field),
  })
  return doc
}
