import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { AUDIT_ACTION_OPTIONS } from '../domain/submissions'

/** Append-only: nobody, not even an admin, can change or remove an entry through Payload. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: { ja: '操作履歴', en: 'Audit entry' }, plural: { ja: '操作履歴', en: 'Audit log' } },
  admin: { defaultColumns: ['at', 'action', 'collectionSlug', 'docId', 'user'], group: { ja: '管理', en: 'Admin' }, useAsTitle: 'summary' },
  access: {
    create: () => false,
    read: isEditor,
    update: () => false,
    delete: () => false,
  },
  disableDuplicate: true,
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: { ja: '日時', en: 'At' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'action', type: 'select', options: AUDIT_ACTION_OPTIONS, required: true, index: true, label: { ja: '操作', en: 'Action' } },
    { name: 'collectionSlug', type: 'text', required: true, index: true, label: { ja: '対象', en: 'Collection' } },
    { name: 'docId', type: 'text', index: true, label: { ja: '対象ID', en: 'Document id' } },
    { name: 'user', type: 'relationship', relationTo: 'users', label: { ja: '操作した人', en: 'User' } },
    { name: 'channel', type: 'text', label: { ja: '経路', en: 'Channel' } },
    { name: 'summary', type: 'text', label: { ja: '内容', en: 'Summary' } },
    { name: 'fields', type: 'json', label: { ja: '変更された項目', en: 'Changed fields' } },
  ],
}
