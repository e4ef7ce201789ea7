import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { ownOrganisationConnectionsOrStaff } from '../access/ownOrganisationConnectionsOrStaff'
import { townField } from '../fields/common'
import { inJapanTime } from '../fields/japanTime'
import { CONNECTION_ORIGIN_OPTIONS } from '../domain/connections'
import { ADMIN_DAY_FORMAT } from '../domain/dates'

/**
 * One new connection: an esuko citizen connected with another citizen, an organisation or someone else,
 * on a date, through an activity. Counted for "new connections made"; never shown publicly one by one.
 */
export const Connections: CollectionConfig = {
  slug: 'connections',
  labels: { singular: { ja: 'つながり', en: 'Connection' }, plural: { ja: 'つながり', en: 'Connections' } },
  admin: {
    useAsTitle: 'partnerLabel',
    defaultColumns: ['citizen', 'partnerLabel', 'connectedAt', 'origin'],
    group: { ja: '人と団体', en: 'People & organisations' },
  },
  access: {
    create: isStaff,
    read: ownOrganisationConnectionsOrStaff,
    update: isStaff,
    delete: isEditor,
  },
  fields: [
    {
      name: 'citizen',
      type: 'relationship',
      relationTo: 'citizens',
      required: true,
      index: true,
      label: { ja: 'えすこ市民', en: 'Esuko citizen' },
    },
    {
      name: 'withCitizen',
      type: 'relationship',
      relationTo: 'citizens',
      label: { ja: 'つながった相手（えすこ市民）', en: 'Connected with (citizen)' },
    },
    {
      name: 'withOrganisation',
      type: 'relationship',
      relationTo: 'organisations',
      index: true,
      label: { ja: 'つながった相手（団体）', en: 'Connected with (organisation)' },
    },
    {
      name: 'withOther',
      type: 'text',
      maxLength: 60,
      label: { ja: 'つながった相手（その他）', en: 'Connected with (other)' },
      admin: {
        description: {
          ja: '例:「近所の高校生」。個人が特定できる書き方は避けてください。',
          en: 'e.g. “a local high-school student”; never identifying.',
        },
      },
      validate: (value: null | string | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
        value || siblingData?.withCitizen || siblingData?.withOrganisation
          ? true
          : 'つながった相手（えすこ市民・団体・その他のいずれか）を入力してください。',
    },
    {
      name: 'partnerLabel',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) =>
            siblingData.withOther || (siblingData.withOrganisation ? '団体' : siblingData.withCitizen ? 'えすこ市民' : ''),
        ],
      },
    },
    inJapanTime({
      name: 'connectedAt',
      type: 'date',
      required: true,
      index: true,
      label: { ja: 'つながった日', en: 'Connected on' },
      admin: { date: { displayFormat: ADMIN_DAY_FORMAT } },
    }),
    {
      name: 'origin',
      type: 'select',
      options: CONNECTION_ORIGIN_OPTIONS,
      required: true,
      label: { ja: 'きっかけ', en: 'How it came about' },
    },
    { name: 'howItCameAbout', type: 'textarea', maxLength: 1000, label: { ja: 'つながりが生まれた経緯', en: 'What happened' } },
    { name: 'event', type: 'relationship', relationTo: 'events', label: { ja: '関連イベント', en: 'Event' } },
    { name: 'plan', type: 'relationship', relationTo: 'plans', label: { ja: '関連プラン', en: 'Plan' } },
    townField({ required: true }),
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
      label: { ja: '記録した職員', en: 'Recorded by' },
    },
  ],
  hooks: {
    beforeChange: [
      ({ data, operation, req }) =>
        operation === 'create' && !data.recordedBy && req.user?.collection === 'users' ? { ...data, recordedBy: req.user.id } : data,
    ],
  },
}
