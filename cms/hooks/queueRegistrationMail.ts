import type { CollectionAfterChangeHook } from 'payload'

import { WAITLISTED } from '../domain/submissions'
import { queueMailSafely } from '../mail/send'
import type { EventRegistration } from '../payload-types'

/**
 * What a resident is told about their registration, each with its reference number: received through the site
 * (confirmed, or on the waiting list), promoted from the waiting list, cancelled (by their link or by staff).
 * The mail is composed when the job runs; a registration without an address gets none (cms/mail/compose.ts).
 */
export const queueRegistrationMail: CollectionAfterChangeHook<EventRegistration> = async ({ data, doc, operation, previousDoc, req }) => {
  if (operation === 'create') {
    if (req.context?.channel !== 'site' || doc.status === 'cancelled') return doc
    // `data` is what was stored; `doc` has been through read access, which hides the contact from a resident.
    if (!data.contact?.email) return doc
    if (doc.status === WAITLISTED) await queueMailSafely(req, { kind: 'registrationNotice', notice: 'waitlisted', id: doc.id })
    else await queueMailSafely(req, { kind: 'registrationConfirmation', id: doc.id })
    return doc
  }
  if (previousDoc?.status === WAITLISTED && doc.status === 'confirmed')
    await queueMailSafely(req, { kind: 'registrationNotice', notice: 'promoted', id: doc.id })
  else if (previousDoc && previousDoc.status !== 'cancelled' && doc.status === 'cancelled')
    await queueMailSafely(req, { kind: 'registrationNotice', notice: 'cancelled', id: doc.id })
  return doc
}
