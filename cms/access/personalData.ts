import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** Editors (and admins) read and write personal data; coordinators too, where their work needs it. */
export const personalDataStaff: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor', 'coordinator')

/** Editors, and the coordinator who registered this person. */
export const personalDataOfRegistrant: FieldAccess = ({ req, doc, siblingData }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  if (!hasRole(req.user, 'coordinator')) return false
  const registeredBy = idOf(doc?.registeredBy ?? siblingData?.registeredBy)
  // A coordinator creating a new record is its registrant.
  return registeredBy === undefined || registeredBy === null ? !doc?.id : String(registeredBy) === String(req.user?.id)
}

export const editorsOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const staffOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor', 'coordinator')
