import type { CollectionAfterChangeHook } from 'payload'

import { queueMailSafely } from '../mail/send'
import type { DeletionRequest } from '../payload-types'

/**
 * A deletion request with an e-mail address gets the confirmation link, whatever the portal holds for the address:
 * the mail is the same either way, so it tells nobody whether data exists.
 */
export const queueDeletionConfirmation: CollectionAfterChangeHook<DeletionRequest> = async ({ data, doc, operation, req }) => {
  if (operation !== 'create' || doc.status !== 'received') return doc
  // `data` is what was stored; `doc` has been through read access, which hides the contact from a resident.
  if (data.contact?.email) await queueMailSafely(req, { kind: 'deletionConfirmation', id: doc.id })
  return doc
}
