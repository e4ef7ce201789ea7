import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { idOf } from '../domain/ids'
import { isEditorUser } from '../domain/roles'
import type { DeletionRequestStatus } from '../domain/submissions'
import type { DeletionTransitionContext } from '../lib/deletionConfirm'
import type { DeletionRequest } from '../payload-types'

const refuse = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'deletion-requests', errors: [{ path, message }] })
}

/**
 * The only ways a deletion request moves on, whatever the path (admin, REST, Local API):
 * received → verified by the mailed link (method 'mail', context from cms/lib/deletionConfirm.ts) or by an editor
 * who phoned the requester (method 'phone', a note; who and when are taken from the request, never from the form);
 * received/verified → rejected by an editor; verified → done and received → expired only by the processing job.
 * The verification record, once written, is never edited by hand.
 */
export const checkDeletionTransition: CollectionBeforeChangeHook<DeletionRequest> = ({ data, originalDoc, operation, req, context }) => {
  const via = (context as DeletionTransitionContext).deletionTransition
  if (via === 'job') return data
  const from: DeletionRequestStatus | undefined = operation === 'create' ? undefined : originalDoc?.status
  const to: DeletionRequestStatus = data.status ?? from ?? 'received'
  const keptVerification =
    operation === 'create' ? { method: null, note: null, verifiedBy: null, verifiedAt: null } : originalDoc?.verification

  if (to === from || (operation === 'create' && to === 'received')) return { ...data, status: to, verification: keptVerification }
  if (from === 'done' || from === 'expired') refuse('status', '処理済み・期限切れの削除依頼は変更できません。')
  if (to === 'done' || to === 'expired') refuse('status', '「処理済み」「期限切れ」は自動処理だけが設定します。')
  if (to === 'received') refuse('status', '確認済み・対応不可の削除依頼を「受付・確認待ち」に戻すことはできません。')
  if (to === 'rejected') {
    if (!isEditorUser(req.user)) refuse('status', '削除依頼を「対応不可」にできるのは編集者・管理者だけです。')
    return { ...data, verification: keptVerification }
  }
  // to === 'verified'
  if (from !== undefined && from !== 'received') refuse('status', '「受付・確認待ち」の削除依頼だけを確認済みにできます。')
  if (via === 'link') {
    return { ...data, verification: { method: 'mail', note: null, verifiedBy: null, verifiedAt: new Date().toISOString() } }
  }
  if (!isEditorUser(req.user) || req.user?.collection !== 'users')
    refuse('status', '電話での本人確認を記録できるのは編集者・管理者だけです。')
  const method = data.verification?.method
  const note = data.verification?.note?.trim()
  if (method !== 'phone') refuse('verification.method', '職員が確認した場合は、確認の方法に「職員による電話確認」を選んでください。')
  if (!note) refuse('verification.note', '電話で確認した内容（どなたに、何を確かめたか）を記録してください。')
  return {
    ...data,
    verification: { method: 'phone', note, verifiedBy: idOf(req.user) as number, verifiedAt: new Date().toISOString() },
  }
}
