import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup } from '../fields/common'
import { DELETION_REQUEST_STATUS_OPTIONS } from '../domain/submissions'

/**
 * A resident asks for their personal data to be deleted. The erase-personal-data job removes it from
 * every record that matches the contact, keeping only anonymous counts; then the contact here is cleared too.
 */
export const DeletionRequests: CollectionConfig = {
  slug: 'deletion-requests',
  labels: { singular: { ja: '削除依頼', en: 'Deletion request' }, plural: { ja: '削除依頼', en: 'Deletion requests' } },
  admin: {
    useAsTitle: 'createdAt',
    defaultColumns: ['createdAt', 'status', 'processedAt', 'erasedRecords'],
    group: { ja: '管理', en: 'Admin' },
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
    { name: 'processedAt', type: 'date', label: { ja: '処理日時', en: 'Processed at' }, admin: { readOnly: true } },
    { name: 'erasedRecords', type: 'number', label: { ja: '消去したレコード数', en: 'Records erased' }, admin: { readOnly: true } },
  ],
}
