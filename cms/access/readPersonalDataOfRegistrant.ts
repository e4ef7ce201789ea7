import type { FieldAccess } from 'payload'

import { idOf } from '../domain/ids'
import { hasRole, isEditorUser } from '../domain/roles'

import { personalDataOfRegistrant } from './personalDataOfRegistrant'

/**
 * Reading (and querying) private data: as personalDataOfRegistrant, but a coordinator needs a document to be
 * judged against. Payload asks without one when checking a `where` on the field, and the answer there must not
 * let a coordinator search other coordinators' citizens by their private data. The admin's create form asks
 * with the new document's data and no id: the coordinator filling it becomes the registrant, so may see the
 * fields they are about to fill (setRegistrant stamps them as such on save).
 */
export const readPersonalDataOfRegistrant: FieldAccess = (args) => {
  if (isEditorUser(args.req.user)) return true
  if (!hasRole(args.req.user, 'coordinator')) return false
  const beingCreated = idOf(args.doc?.id) === null && typeof args.data === 'object' && args.data !== null && !args.id
  return (idOf(args.doc?.id) !== null || beingCreated) && Boolean(personalDataOfRegistrant(args))
}
