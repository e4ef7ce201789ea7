import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { slugField } from '../fields/slug'

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: {
    singular: { ja: 'えすこストーリー', en: 'Story' },
    plural: { ja: 'えすこストーリー', en: 'Stories' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'featured', 'featuredOrder', '_status', 'publishedAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: isStaff,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  defaultPopulate: { title: true, slug: true, lead: true, publishedAt: true },
  fields: [
    { name: 'title', type: 'text', label: { ja: 'タイトル', en: 'Title' }, required: true, maxLength: 120 },
    slugField('story'),
    { name: 'lead', type: 'textarea', label: { ja: 'リード文', en: 'Lead' }, maxLength: 300 },
    { name: 'body', type: 'richText', label: { ja: '本文', en: 'Body' } },
    {
      name: 'featured',
      type: 'checkbox',
      label: { ja: 'トップページで紹介する', en: 'Featured on the home page' },
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'featuredOrder',
      type: 'number',
      label: { ja: '紹介の順番（小さいほど先）', en: 'Featured order (lower first)' },
      defaultValue: 100,
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.featured) },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { ja: '公開日', en: 'Published at' },
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      hooks: {
        beforeChange: [
          ({ value, siblingData }) =>
            !value && siblingData?._status === 'published' ? new Date().toISOString() : value,
        ],
      },
    },
  ],
}
