import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup } from '../fields/common'
import { DELETION_REQUEST_STATUS_OPTIONS, DELETION_UNCONFIRMED_DAYS, DELETION_VERIFICATION_METHOD_OPTIONS } from '../domain/submissions'
import { checkDeletionTransition } from '../hooks/checkDeletionTransition'
import { logDeletionTransition } from '../hooks/logDeletionTransition'
import { queueDeletionConfirmation } from '../hooks/queueDeletionConfirmation'
import { queueDeletionProcessing } from '../hooks/queueDeletionProcessing'

/**
 * A resident asks for their personal data to be deleted. Nothing happens until the requester is confirmed: by the
 * link mailed to the address given (cms/lib/deletionConfirm.ts) or by an editor who phoned them (recorded here).
 * Then the processing job (cms/lib/retention.ts) removes the data from every record that matches the contact,
 * keeping only anonymous counts, mails "done" and clears the contact here too. Unconfirmed requests expire.
 * The transitions are enforced in cms/hooks/checkDeletionTransition.ts for every path.
 */
export const DeletionRequests: CollectionConfig = {
  slug: 'deletion-requests',
  labels: { singular: { ja: '削除依頼', en: 'Deletion request' }, plural: { ja: '削除依頼', en: 'Deletion requests' } },
  admin: {
    useAsTitle: 'createdAt',
    defaultColumns: ['createdAt', 'status', 'processedAt', 'erasedRecords'],
    group: { ja: '管理', en: 'Admin' },
    description: {
      ja: `メールアドレスのある依頼は、依頼者がメールのリンクで確定すると自動で処理されます。電話番号だけの依頼は、職員が依頼者に電話して本人であることを確かめ、「本人確認」を記録してから状態を「確認済み」にしてください。${DELETION_UNCONFIRMED_DAYS}日以内に確認されない依頼は期限切れになり、連絡先は消去されます。`,
      en: 'Requests are processed only once confirmed by the mailed link or verified by staff by phone.',
    },
  },
  hooks: {
    beforeChange: [checkDeletionTransition],
    afterChange: [queueDeletionConfirmation, queueDeletionProcessing, logDeletionTransition],
  },
  access: {
    create: viaSiteFormOrStaff,
    read: isEditor,
    update: isEditor,
    delete: () => false,
  },
  fields: [
    contactGroup(personalGroup('deletion-requests', 'contact'), { label: { ja: '依頼者の連絡先', en: 'Requester contact' } }),
    { name: 'note', type: 'textarea', maxLength: 1000, label: { ja: '依頼内容', en: 'Request' } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'received',
      required: true,
      index: true,
      options: DELETION_REQUEST_STATUS_OPTIONS,
      label: { ja: '状態', en: 'Status' },
      access: { create: editorsOnlyField, update: editorsOnlyField },
    },
    {
      name: 'verification',
      type: 'group',
      label: { ja: '本人確認', en: 'Verification' },
      admin: {
        description: {
          ja: '電話で確認したときは、方法に「職員による電話確認」を選び、確かめた内容を書いて、状態を「確認済み」にして保存します。確認者と日時は自動で記録されます。',
          en: 'For a phone check: choose the phone method, write what was checked, set the status to Confirmed and save.',
        },
      },
      access: { create: editorsOnlyField, update: editorsOnlyField },
      fields: [
        { name: 'method', type: 'select', options: DELETION_VERIFICATION_METHOD_OPTIONS, label: { ja: '確認の方法', en: 'Method' } },
        { name: 'note', type: 'textarea', maxLength: 500, label: { ja: '確認した内容', en: 'What was checked' } },
        {
          name: 'verifiedBy',
          type: 'relationship',
          relationTo: 'users',
          label: { ja: '確認した職員', en: 'Verified by' },
          admin: { readOnly: true },
        },
        { name: 'verifiedAt', type: 'date', label: { ja: '確認日時', en: 'Verified at' }, admin: { readOnly: true } },
      ],
    },
    { name: 'processedAt', type: 'date', label: { ja: '処理日時', en: 'Processed at' }, admin: { readOnly: true } },
    { name: 'erasedRecords', type: 'number', label: { ja: '消去したレコード数', en: 'Records erased' }, admin: { readOnly: true } },
  ],
}
