import type { CollectionAfterChangeHook } from 'payload'

import { queueMailSafely } from '../mail/send'
import type { Plan, Story } from '../payload-types'

/**
 * The resident who sent a plan or a nomination is told once, when it first goes public: a plan when its
 * lifecycle gets its 公開 stamp (set once, cms/hooks/stampPlanLifecycle.ts); a resident's story when its review
 * reaches 公開 while published (cms/hooks/syncReviewStatus.ts). Whether an address exists is the job's business
 * (cms/mail/compose.ts): staff who publish may not be allowed to read it.
 */
export const queuePlanPublishedNotice: CollectionAfterChangeHook<Plan> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.lifecycle?.publishedAt || !doc.lifecycle?.publishedAt) return doc
  await queueMailSafely(req, { kind: 'submissionPublished', collection: 'plans', id: doc.id })
  return doc
}

export const queueStoryPublishedNotice: CollectionAfterChangeHook<Story> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.origin !== 'resident' || doc._status !== 'published') return doc
  if (doc.reviewStatus !== 'published' || previousDoc?.reviewStatus === 'published') return doc
  await queueMailSafely(req, { kind: 'submissionPublished', collection: 'stories', id: doc.id })
  return doc
}
