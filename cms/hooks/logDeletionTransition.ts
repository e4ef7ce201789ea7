import type { CollectionAfterChangeHook } from 'payload'

import { labelsJa } from '../domain/options'
import { DELETION_REQUEST_STATUS_OPTIONS, DELETION_VERIFICATION_METHOD_OPTIONS } from '../domain/submissions'
import type { DeletionRequest } from '../payload-types'
import { writeEntry } from './audit'

const STATUS = labelsJa(DELETION_REQUEST_STATUS_OPTIONS)
const METHOD = labelsJa(DELETION_VERIFICATION_METHOD_OPTIONS)

/** Each step of a deletion request (confirmed, verified by phone, processed, expired, refused) gets its own audit entry. */
export const logDeletionTransition: CollectionAfterChangeHook<DeletionRequest> = async ({ doc, previousDoc, operation, req }) => {
  const from = operation === 'create' ? undefined : previousDoc?.status
  if (doc.status === from || (operation === 'create' && doc.status === 'received')) return doc
  const method = doc.verification?.method
  const summary =
    doc.status === 'verified'
      ? `本人確認: ${method ? METHOD[method] : '不明'}`
      : doc.status === 'done'
        ? `削除依頼を処理しました（消去 ${doc.erasedRecords ?? 0} 件、依頼者の連絡先も消去）`
        : doc.status === 'expired'
          ? '確認されないまま期限が過ぎたため、依頼者の連絡先を消去しました'
          : `状態: ${from ? STATUS[from] : 'なし'} → ${STATUS[doc.status]}`
  await writeEntry(req, {
    action: doc.status === 'verified' ? 'verify_deletion' : 'process_deletion',
    collection: 'deletion-requests',
    docId: doc.id,
    summary,
    fields: ['status'],
  })
  return doc
}
