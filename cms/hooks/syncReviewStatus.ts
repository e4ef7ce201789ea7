import { APIError, type CollectionBeforeChangeHook } from 'payload'

/**
 * Publishing is what makes a story public (`_status`); the review status follows it so the moderation
 * inbox stays truthful: publishing marks it 公開, and a declined submission cannot go live.
 */
export const syncReviewStatus: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  // A resident's submission always arrives as an unreviewed draft, whatever the form sent.
  if (operation === 'create' && req.context?.channel === 'site') {
    return { ...data, _status: 'draft', origin: 'resident', reviewStatus: 'received', featured: false }
  }
  if (data._status !== 'published') return data
  const review = data.reviewStatus ?? originalDoc?.reviewStatus
  if (review === 'declined') {
    throw new APIError('「見送り」のストーリーは公開できません。確認状況を変えてから公開してください。', 400, null, true)
  }
  return { ...data, reviewStatus: 'published' }
}
