import type { CollectionConfig } from 'payload'

import { adminPreview, previewUrlEndpoint } from '../endpoints/previewUrl'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { themesField, townField } from '../fields/common'
import { inJapanTime } from '../fields/japanTime'
import { slugField } from '../fields/slug'
import { ADMIN_DATE_TIME_FORMAT } from '../domain/dates'
import { EVENT_KIND_OPTIONS } from '../domain/options'
import { forgetEventSeats, promoteOnCapacityRaised } from '../hooks/enforceEventCapacity'
import { redirectHooks } from '../hooks/maintainRedirects'

const dateTime = { pickerAppearance: 'dayAndTime' as const, displayFormat: ADMIN_DATE_TIME_FORMAT }

export const Events: CollectionConfig = {
  slug: 'events',
  labels: { singular: { ja: 'イベント', en: 'Event' }, plural: { ja: 'イベント', en: 'Events' } },
  admin: {
    useAsTitle: 'title',
    preview: adminPreview('events'),
    defaultColumns: ['title', 'kind', 'startsAt', 'town', '_status'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: isStaff,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: {
    beforeChange: redirectHooks.beforeChange,
    afterChange: [promoteOnCapacityRaised, ...redirectHooks.afterChange],
    beforeDelete: redirectHooks.beforeDelete,
    afterDelete: [forgetEventSeats, ...redirectHooks.afterDelete],
  },
  defaultPopulate: { title: true, slug: true, kind: true, startsAt: true, endsAt: true, venue: true, town: true },
  // GET /api/events/:id/preview-url: a signed link to the draft on the site (cms/lib/previewLinks.ts).
  endpoints: [previewUrlEndpoint('events')],
  fields: [
    { name: 'kind', type: 'select', options: EVENT_KIND_OPTIONS, required: true, index: true, label: { ja: '種類', en: 'Kind' } },
    { name: 'title', type: 'text', required: true, maxLength: 120, label: { ja: 'イベント名', en: 'Title' } },
    slugField('event'),
    {
      type: 'row',
      fields: [
        // Stored as UTC instants; the site renders them in Asia/Tokyo.
        inJapanTime({
          name: 'startsAt',
          type: 'date',
          required: true,
          index: true,
          label: { ja: '開始', en: 'Starts' },
          admin: { date: dateTime },
        }),
        inJapanTime({
          name: 'endsAt',
          type: 'date',
          label: { ja: '終了', en: 'Ends' },
          admin: { date: dateTime },
          validate: (value: Date | null | undefined, { siblingData }: { siblingData: { startsAt?: string } }) =>
            !value || !siblingData?.startsAt || new Date(value) >= new Date(siblingData.startsAt)
              ? true
              : '終了は開始より後の日時にしてください。',
        }),
      ],
    },
    { type: 'row', fields: [{ name: 'venue', type: 'text', maxLength: 120, label: { ja: '会場', en: 'Venue' } }, townField()] },
    { name: 'summary', type: 'textarea', maxLength: 300, label: { ja: '概要', en: 'Summary' } },
    { name: 'description', type: 'richText', label: { ja: '詳細', en: 'Details' } },
    themesField(),
    {
      type: 'collapsible',
      label: { ja: '参加申し込み', en: 'Registration' },
      fields: [
        { name: 'capacity', type: 'number', min: 0, label: { ja: '定員（空欄なら制限なし）', en: 'Capacity (empty: unlimited)' } },
        {
          type: 'row',
          fields: [
            { name: 'registrationOpensAt', type: 'date', label: { ja: '受付開始', en: 'Registration opens' }, admin: { date: dateTime } },
            { name: 'registrationClosesAt', type: 'date', label: { ja: '受付締切', en: 'Registration closes' }, admin: { date: dateTime } },
          ],
        },
        {
          name: 'registrationEnabled',
          type: 'checkbox',
          defaultValue: true,
          label: { ja: 'ウェブで申し込みを受け付ける', en: 'Accept registrations on the site' },
        },
      ],
    },
    {
      name: 'participatingOrganisations',
      type: 'relationship',
      relationTo: 'organisations',
      hasMany: true,
      index: true,
      label: { ja: '参画団体', en: 'Participating organisations' },
      admin: {
        description: {
          ja: '共助会議の参画団体数（KPI）は、ここに挙げた団体と、申し込みが「出席」になった方の団体を合わせて数えます。',
          en: 'KPI 6 counts the organisations listed here and those of attended registrations for 共助会議 events.',
        },
      },
    },
    {
      name: 'showcasedCitizens',
      type: 'relationship',
      relationTo: 'citizens',
      hasMany: true,
      label: { ja: '紹介するえすこ市民', en: 'Showcased citizens' },
    },
    {
      name: 'showcasedStories',
      type: 'relationship',
      relationTo: 'stories',
      hasMany: true,
      label: { ja: '紹介するストーリー', en: 'Showcased stories' },
    },
    {
      name: 'attendance',
      type: 'number',
      min: 0,
      label: { ja: '参加者数（開催後に記入）', en: 'Attendance (after the event)' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'cancelled',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { ja: '中止', en: 'Cancelled' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'registrations',
      type: 'join',
      collection: 'event-registrations',
      on: 'event',
      label: { ja: '申し込み', en: 'Registrations' },
      defaultLimit: 50,
    },
  ],
}
