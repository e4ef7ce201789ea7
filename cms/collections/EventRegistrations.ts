import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { personalDataStaff } from '../access/personalDataStaff'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup } from '../fields/common'
import { RESIDENCE_OPTIONS } from '../domain/options'
import { EVENT_REGISTRATION_STATUS_OPTIONS } from '../domain/submissions'
import { assignRegistrationReference } from '../hooks/assignRegistrationReference'
import { checkMeetingOrganisation } from '../hooks/checkMeetingOrganisation'
import { enforceEventCapacity, freeEventSeats, moveEventSeats, releaseSeatClaims } from '../hooks/enforceEventCapacity'
import { queueRegistrationMail } from '../hooks/queueRegistrationMail'

export const EventRegistrations: CollectionConfig = {
  slug: 'event-registrations',
  labels: { singular: { ja: 'イベント申し込み', en: 'Event registration' }, plural: { ja: 'イベント申し込み', en: 'Event registrations' } },
  admin: {
    useAsTitle: 'nickname',
    defaultColumns: ['reference', 'event', 'nickname', 'partySize', 'status', 'organisation', 'createdAt'],
    // Residents quote their reference number on the phone.
    listSearchableFields: ['reference', 'nickname', 'pendingOrganisationName'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  hooks: {
    // The organisation is checked before any seat is claimed: a refused registration claims none.
    beforeChange: [assignRegistrationReference, checkMeetingOrganisation, enforceEventCapacity],
    // Seats first: once the row exists its claim is kept, whatever a later hook does.
    afterChange: [moveEventSeats, queueRegistrationMail],
    afterDelete: [freeEventSeats],
    afterError: [({ req }) => releaseSeatClaims(req.context)],
  },
  fields: [
    {
      name: 'reference',
      type: 'text',
      unique: true,
      index: true,
      label: { ja: '受付番号', en: 'Reference' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { ja: '申し込み時に自動で付きます（例: E-7K3F-9Q2M）。', en: 'Assigned on registration.' },
      },
    },
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
      admin: {
        description: {
          ja: '共助会議は、開催後に参加した方を「出席」にしてください（参画団体数に数えます）。',
          en: 'Mark attendees of a 共助会議 as attended: KPI 6 counts their organisations.',
        },
      },
    },
    {
      type: 'collapsible',
      label: { ja: '代表する団体（共助会議）', en: 'Organisation represented (共助会議)' },
      fields: [
        {
          name: 'organisation',
          type: 'relationship',
          relationTo: 'organisations',
          index: true,
          label: { ja: '団体', en: 'Organisation' },
          admin: {
            description: {
              ja: '「確認待ちの団体名」があるときは、該当する団体を選んでください。',
              en: 'Map a pending name to its organisation here.',
            },
          },
        },
        {
          name: 'pendingOrganisationName',
          type: 'text',
          maxLength: 100,
          label: { ja: '確認待ちの団体名（申込者の入力）', en: 'Organisation name to confirm (as typed)' },
        },
        { name: 'individual', type: 'checkbox', defaultValue: false, label: { ja: '個人として参加', en: 'Attends as an individual' } },
      ],
    },
  ],
}
