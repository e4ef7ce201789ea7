import type { CollectionAfterChangeHook } from 'payload'

import type { SubmissionCollection } from '../mail/compose'
import { queueMailSafely } from '../mail/send'
import type { Plan, Story } from '../payload-types'

/** Where each collection keeps the submitter's contact (cms/fields/common.ts contactGroup). */
const CONTACT_GROUP: Record<SubmissionCollection, 'proposerContact' | 'submission'> = { plans: 'proposerContact', stories: 'submission' }

/** A resident who sent a plan or a nomination through the site with an e-mail address gets a 「受け付けました」 mail. */
export const queueReceivedNotice =
  (collection: SubmissionCollection): CollectionAfterChangeHook<Plan | Story> =>
  async ({ data, doc, operation, req }) => {
    if (operation !== 'create' || req.context?.channel !== 'site') return doc
    // `data` is what was stored; `doc` has been through read access, which hides the contact from a resident.
    const contact = (data as Record<string, { email?: string | null } | undefined>)[CONTACT_GROUP[collection]]
    if (contact?.email) await queueMailSafely(req, { kind: 'submissionReceived', collection, id: doc.id })
    return doc
  }
