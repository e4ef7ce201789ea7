import type { CollectionAfterChangeHook } from 'payload'

import { queueMailSafely } from '../mail/send'
import type { EventRegistration } from '../payload-types'

/** A resident who registered through the site with an e-mail address gets a confirmation with a cancel link. */
export const queueRegistrationConfirmation: CollectionAfterChangeHook<EventRegistration> = async ({ data, doc, operation, req }) => {
  if (operation !== 'create' || req.context?.channel !== 'site' || doc.status === 'cancelled') return doc
  // `data` is what was stored; `doc` has been through read access, which hides the contact from a resident.
  if (data.contact?.email) await queueMailSafely(req, { kind: 'registrationConfirmation', id: doc.id })
  return doc
}
