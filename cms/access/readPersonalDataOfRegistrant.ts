import type { FieldAccess } from 'payload'

import { idOf } from '../domain/ids'
import { hasRole, isEditorUser } from '../domain/roles'

import { personalDataOfRegistrant } from './personalDataOfRegistrant'

/**
 * Reading (and querying) private data: as personalDataOfRegistrant, but a coordinator needs a stored document
 * to be judged against. Payload asks without one when checking a `where` on the field, and the answer there
 * must not let a coordinator search other coordinators' citizens by their private data.
 */
export const readPersonalDataOfRegistrant: FieldAccess = (args) => {
  if (isEditorUser(args.req.user)) return true
  return hasRole(args.req.user, 'coordinator') && idOf(args.doc?.id) !== null && Boolean(personalDataOfRegistrant(args))
}
