import type { CollectionConfig, FieldAccess } from 'payload'

import { isEditor } from '../access/isEditor'
import { hasRole } from '../access/roles'
import { staffOnlyField } from '../access/personalData'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'

// A cheer's message is public only after an editor approves it.
const approvedMessageOrStaff: FieldAccess = ({ req, doc }) =>
  hasRole(req.user, 'admin', 'editor', 'coordinator') || doc?.messageStatus === 'approved'

/** 拍手: praise for a story, a citizen or a plan. Holds no personal data. */
export const Cheers: CollectionConfig = {
  slug: 'cheers',
  labels: { singular: { ja: '拍手', en: 'Cheer' }, plural: { ja: '拍手', en: 'Cheers' } },
  admin: { defaultColumns: ['target', 'message', 'messageStatus', 'createdAt'], group: { ja: 'コンテンツ', en: 'Content' } },
  access: {
    create: viaSiteFormOrStaff,
    read: () => true,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    { name: 'target', type: 'relationship', relationTo: ['stories', 'citizens', 'plans'], required: true, index: true, label: { ja: '拍手の相手', en: 'Cheered' } },
    { name: 'message', type: 'textarea', maxLength: 200, label: { ja: 'ひとことメッセージ', en: 'Message' }, access: { read: approvedMessageOrStaff } },
    {
      name: 'messageStatus',
      type: 'select',
      defaultValue: 'none',
      required: true,
      index: true,
      options: [
        { value: 'none', label: { ja: 'メッセージなし', en: 'No message' } },
        { value: 'pending', label: { ja: '確認待ち', en: 'Pending' } },
        { value: 'approved', label: { ja: '公開', en: 'Approved' } },
        { value: 'rejected', label: { ja: '非公開', en: 'Rejected' } },
      ],
      label: { ja: 'メッセージの確認', en: 'Message review' },
      access: { create: staffOnlyField, update: staffOnlyField },
      hooks: {
        beforeChange: [
          // Residents cannot set this field, so the default 'none' arrives: a message always goes to moderation.
          ({ value, siblingData, operation, req }) =>
            operation === 'create' && (!value || value === 'none' || !hasRole(req.user, 'admin', 'editor', 'coordinator'))
              ? siblingData.message?.trim() ? 'pending' : 'none'
              : value,
        ],
      },
    },
    {
      // A daily, keyed hash of client and target lets the site allow one cheer per target per client per day.
      name: 'dedupeKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: staffOnlyField, update: () => false },
    },
  ],
}
