import { type CollectionBeforeValidateHook, type CollectionConfig, ValidationError } from 'payload'

import { approvedMessageOrStaff } from '../access/approvedMessageOrStaff'
import { isEditor } from '../access/isEditor'
import { staffOnlyField } from '../access/staffOnlyField'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { cheerTargetsOf } from '../lib/cheerTarget'
import { isStaffUser } from '../domain/roles'
import { CHEER_MESSAGE_STATUS_OPTIONS, residentCheerMessageStatus } from '../domain/submissions'

const requireOneTarget: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (cheerTargetsOf({ ...originalDoc, ...data }).length !== 1) {
    throw new ValidationError({
      collection: 'cheers',
      errors: [{ path: 'story', message: '拍手の相手（ストーリー、えすこ市民、プランのどれか1つ）を選んでください。' }],
      req,
    })
  }
  return data
}

/** 拍手: praise for a story, a citizen or a plan. Holds no personal data. */
export const Cheers: CollectionConfig = {
  slug: 'cheers',
  labels: { singular: { ja: '拍手', en: 'Cheer' }, plural: { ja: '拍手', en: 'Cheers' } },
  admin: {
    // Titled by when it came: a cheer has no name of its own (never the bare id or [Untitled]).
    useAsTitle: 'createdAt',
    defaultColumns: ['story', 'citizen', 'plan', 'message', 'messageStatus', 'createdAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: () => true,
    update: isEditor,
    delete: isEditor,
  },
  hooks: { beforeValidate: [requireOneTarget] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'story',
          type: 'relationship',
          relationTo: 'stories',
          index: true,
          label: { ja: '拍手の相手（ストーリー）', en: 'Cheered story' },
        },
        {
          name: 'citizen',
          type: 'relationship',
          relationTo: 'citizens',
          index: true,
          label: { ja: '拍手の相手（えすこ市民）', en: 'Cheered citizen' },
        },
        { name: 'plan', type: 'relationship', relationTo: 'plans', index: true, label: { ja: '拍手の相手（プラン）', en: 'Cheered plan' } },
      ],
    },
    {
      name: 'message',
      type: 'textarea',
      maxLength: 200,
      label: { ja: 'ひとことメッセージ', en: 'Message' },
      access: { read: approvedMessageOrStaff },
    },
    {
      name: 'messageStatus',
      type: 'select',
      defaultValue: 'none',
      required: true,
      index: true,
      options: CHEER_MESSAGE_STATUS_OPTIONS,
      label: { ja: 'メッセージの確認', en: 'Message review' },
      access: { create: staffOnlyField, update: staffOnlyField },
      hooks: {
        beforeChange: [
          // Residents cannot set this field, so the default 'none' arrives: a message always goes to moderation.
          ({ value, siblingData, operation, req }) =>
            operation === 'create' && (!value || value === 'none' || !isStaffUser(req.user))
              ? residentCheerMessageStatus(siblingData.message)
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
