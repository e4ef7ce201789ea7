import type { FieldAccess } from 'payload'

import { idOf, sameId } from '../domain/ids'
import { hasRole, isEditorUser } from '../domain/roles'

/** Editors, and the coordinator who registered this person. */
export const personalDataOfRegistrant: FieldAccess = ({ req, doc, siblingData }) => {
  if (isEditorUser(req.user)) return true
  if (!hasRole(req.user, 'coordinator')) return false
  // A stored record is judged by its stored registrant only: a registeredBy sent with an update must not grant access.
  if (idOf(doc?.id) !== null) return sameId(doc?.registeredBy, req.user?.id)
  // A coordinator creating a new record is its registrant, unless the data names someone else.
  const registeredBy = idOf(siblingData?.registeredBy)
  return registeredBy === null || sameId(registeredBy, req.user?.id)
}
