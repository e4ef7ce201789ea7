import type { CollectionAfterChangeHook } from 'payload'

import { DELETION_QUEUE } from '../lib/retention'
import type { DeletionRequest } from '../payload-types'

/** A request just confirmed is processed at the next run of its queue (minutes), not at the next hourly schedule. */
export const queueDeletionProcessing: CollectionAfterChangeHook<DeletionRequest> = async ({ doc, previousDoc, operation, req }) => {
  if (doc.status !== 'verified' || (operation === 'update' && previousDoc?.status === 'verified')) return doc
  await req.payload.jobs.queue({ task: 'processDeletionRequests', input: {}, queue: DELETION_QUEUE, req })
  return doc
}
