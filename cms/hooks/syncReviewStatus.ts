import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { reviewRefusal } from '../domain/submissions'

/**
 * Publishing is what makes a story public (`_status`). A resident's submission is published only once its review
 * is complete (確認済み), never by skipping it (cms/domain/submissions.ts `reviewRefusal`); publishing then moves
 * the review status to 公開 so the moderation inbox stays truthful. A declined story never goes live.
 */
export const syncReviewStatus: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  // A resident's submission always arrives as an unreviewed draft, whatever the form sent.
  if (operation === 'create' && req.context?.channel === 'site') {
    return { ...data, _status: 'draft', origin: 'resident', reviewStatus: 'received', featured: false }
  }
  if (data._status !== 'published') return data
  const refusal = reviewRefusal({
    origin: data.origin ?? originalDoc?.origin,
    reviewStatus: data.reviewStatus ?? originalDoc?.reviewStatus,
  })
  // With data, so the message survives a minified build (its error class loses its name) and reaches the admin's toast.
  if (refusal) throw new APIError(refusal, 400, { problems: [refusal] }, true)
  return { ...data, reviewStatus: 'published' }
}
