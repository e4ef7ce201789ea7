import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { personalDataStaff } from '../access/personalData'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { contactGroup } from '../fields/common'
import { TOWN_OPTIONS } from '../fields/options'
import { enforceEventCapacity } from '../hooks/enforceEventCapacity'
import { countParticipant } from '../hooks/countParticipant'
import { queueRegistrationConfirmation } from '../hooks/queueRegistrationConfirmation'

export const EventRegistrations: CollectionConfig = {
  slug: 'event-registrations',
  labels: { singular: { ja: 'イベント申し込み', en: 'Event registration' }, plural: { ja: 'イベント申し込み', en: 'Event registrations' } },
  admin: { useAsTitle: 'nickname', defaultColumns: ['event', 'nickname', 'partySize', 'status', 'createdAt'], group: { ja: 'コンテンツ', en: 'Content' } },
  access: {
    create: viaSiteFormOrStaff,
    read: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  hooks: { beforeChange: [enforceEventCapacity], afterChange: [countParticipant('event', 'contact'), queueRegistrationConfirmation] },
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true, label: { ja: 'イベント', en: 'Event' } },
    { name: 'nickname', type: 'text', required: true, maxLength: 40, label: { ja: 'お名前（ニックネーム可）', en: 'Name or nickname' } },
    { name: 'partySize', type: 'number', required: true, defaultValue: 1, min: 1, max: 10, label: { ja: '人数', en: 'Party size' } },
    { name: 'town', type: 'select', options: [...TOWN_OPTIONS, { value: 'outside', label: { ja: '市外', en: 'Outside Unnan' } }], label: { ja: 'お住まい', en: 'Lives in' } },
    contactGroup({
      label: { ja: '連絡先・配慮（非公開）', en: 'Contact & needs (private)' },
      after: [{ name: 'accessibilityNeeds', type: 'textarea', maxLength: 500, label: { ja: '配慮してほしいこと', en: 'Accessibility needs' } }],
    }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'confirmed',
      index: true,
      options: [
        { value: 'confirmed', label: { ja: '確定', en: 'Confirmed' } },
        { value: 'cancelled', label: { ja: 'キャンセル', en: 'Cancelled' } },
      ],
      label: { ja: '状態', en: 'Status' },
      access: { create: personalDataStaff, update: personalDataStaff },
    },
  ],
}
