import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { personalDataStaff } from '../access/personalDataStaff'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup } from '../fields/common'
import { RESIDENCE_OPTIONS } from '../domain/options'
import { EVENT_REGISTRATION_STATUS_OPTIONS } from '../domain/submissions'
import { enforceEventCapacity, freeEventSeats, moveEventSeats, releaseSeatClaims } from '../hooks/enforceEventCapacity'
import { queueRegistrationConfirmation } from '../hooks/queueRegistrationConfirmation'

export const EventRegistrations: CollectionConfig = {
  slug: 'event-registrations',
  labels: { singular: { ja: 'イベント申し込み', en: 'Event registration' }, plural: { ja: 'イベント申し込み', en: 'Event registrations' } },
  admin: {
    useAsTitle: 'nickname',
    defaultColumns: ['event', 'nickname', 'partySize', 'status', 'createdAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  hooks: {
    beforeChange: [enforceEventCapacity],
    // Seats first: once the row exists its claim is kept, whatever a later hook does.
    afterChange: [moveEventSeats, queueRegistrationConfirmation],
    afterDelete: [freeEventSeats],
    afterError: [({ req }) => releaseSeatClaims(req.context)],
  },
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true, label: { ja: 'イベント', en: 'Event' } },
    { name: 'nickname', type: 'text', required: true, maxLength: 40, label: { ja: 'お名前（ニックネーム可）', en: 'Name or nickname' } },
    { name: 'partySize', type: 'number', required: true, defaultValue: 1, min: 1, max: 10, label: { ja: '人数', en: 'Party size' } },
    { name: 'town', type: 'select', options: RESIDENCE_OPTIONS, label: { ja: 'お住まい', en: 'Lives in' } },
    contactGroup(personalGroup('event-registrations', 'contact'), {
      label: { ja: '連絡先・配慮（非公開）', en: 'Contact & needs (private)' },
      fields: { accessibilityNeeds: { type: 'textarea', maxLength: 500, label: { ja: '配慮してほしいこと', en: 'Accessibility needs' } } },
    }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'confirmed',
      index: true,
      options: EVENT_REGISTRATION_STATUS_OPTIONS,
      label: { ja: '状態', en: 'Status' },
      access: { create: personalDataStaff, update: personalDataStaff },
    },
  ],
}
