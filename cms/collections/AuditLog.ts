import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'

export const AUDIT_ACTIONS = [
  { value: 'create', label: { ja: '作成', en: 'Created' } },
  { value: 'update', label: { ja: '変更', en: 'Changed' } },
  { value: 'publish', label: { ja: '公開', en: 'Published' } },
  { value: 'unpublish', label: { ja: '非公開化', en: 'Unpublished' } },
  { value: 'feature', label: { ja: '注目に設定', en: 'Featured' } },
  { value: 'unfeature', label: { ja: '注目を解除', en: 'Unfeatured' } },
  { value: 'delete', label: { ja: '削除', en: 'Deleted' } },
  { value: 'read_personal', label: { ja: '個人情報の閲覧', en: 'Read personal data' } },
  { value: 'erase_personal', label: { ja: '個人情報の消去', en: 'Erased personal data' } },
  { value: 'change_roles', label: { ja: '役割・管理する団体の変更', en: 'Changed roles' } },
]

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
    { name: 'at', type: 'date', required: true, index: true, label: { ja: '日時', en: 'At' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'action', type: 'select', options: AUDIT_ACTIONS, required: true, index: true, label: { ja: '操作', en: 'Action' } },
    { name: 'collectionSlug', type: 'text', required: true, index: true, label: { ja: '対象', en: 'Collection' } },
    { name: 'docId', type: 'text', index: true, label: { ja: '対象ID', en: 'Document id' } },
    { name: 'user', type: 'relationship', relationTo: 'users', label: { ja: '操作した人', en: 'User' } },
    { name: 'channel', type: 'text', label: { ja: '経路', en: 'Channel' } },
    { name: 'summary', type: 'text', label: { ja: '内容', en: 'Summary' } },
    { name: 'fields', type: 'json', label: { ja: '変更された項目', en: 'Changed fields' } },
  ],
}
