import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== ''

/** Editors (and admins) read and write personal data; coordinators too, where their work needs it. */
export const personalDataStaff: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor', 'coordinator')

/** Editors, and the coordinator who registered this person. */
export const personalDataOfRegistrant: FieldAccess = ({ req, doc, siblingData }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  if (!hasRole(req.user, 'coordinator')) return false
  // A stored record is judged by its stored registrant only: a registeredBy sent with an update must not grant access.
  if (isSet(doc?.id)) return isSet(idOf(doc?.registeredBy)) && String(idOf(doc?.registeredBy)) === String(req.user?.id)
  // A coordinator creating a new record is its registrant, unless the data names someone else.
  const registeredBy = idOf(siblingData?.registeredBy)
  return !isSet(registeredBy) || String(registeredBy) === String(req.user?.id)
}

/**
 * Reading (and querying) private data: as above, but a coordinator needs a stored document to be judged
 * against. Payload asks without one when checking a `where` on the field, and the answer there must not
 * let a coordinator search other coordinators' citizens by their private data.
 */
export const readPersonalDataOfRegistrant: FieldAccess = (args) => {
  if (hasRole(args.req.user, 'admin', 'editor')) return true
  return hasRole(args.req.user, 'coordinator') && isSet(args.doc?.id) && Boolean(personalDataOfRegistrant(args))
}

export const editorsOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const staffOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor', 'coordinator')
