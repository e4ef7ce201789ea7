import type { CollectionConfig } from 'payload'

import { adminPreview, previewUrlEndpoint } from '../endpoints/previewUrl'
import { isEditor } from '../access/isEditor'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { ownOrganisations } from '../access/ownOrganisations'
import { publishedFlagOrStaff } from '../access/publishedFlagOrStaff'
import { isStaff } from '../access/isStaff'
import { staffOnlyField } from '../access/staffOnlyField'
import { digestEndpoints } from '../endpoints/digest'
import { emailField, phoneField, townField } from '../fields/common'
import { slugField } from '../fields/slug'
import { redirectHooks } from '../hooks/maintainRedirects'
import { ORGANISATION_KIND_OPTIONS } from '../domain/options'

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: { singular: { ja: '団体', en: 'Organisation' }, plural: { ja: '団体', en: 'Organisations' } },
  admin: {
    useAsTitle: 'name',
    preview: adminPreview('organisations'),
    defaultColumns: ['name', 'kind', 'town', 'verified', 'published'],
    group: { ja: '人と団体', en: 'People & organisations' },
  },
  access: {
    create: isStaff,
    read: publishedFlagOrStaff,
    // Managers edit their own organisations' public profile; field rules below keep the rest out of reach.
    update: (args) => (isStaff(args) ? true : ownOrganisations(args)),
    delete: isEditor,
  },
  defaultPopulate: { name: true, slug: true, kind: true, town: true },
  // Old addresses follow a changed slug (301) or end when the organisation is unpublished or deleted (410).
  hooks: redirectHooks,
  // The feedback digest: GET /api/organisations/:id/digest(.csv), see cms/lib/digest.ts.
  endpoints: [...digestEndpoints, previewUrlEndpoint('organisations')],
  fields: [
    { name: 'name', type: 'text', label: { ja: '団体名', en: 'Name' }, required: true, maxLength: 100, index: true },
    {
      name: 'reading',
      type: 'text',
      label: { ja: 'よみがな', en: 'Reading (kana)' },
      maxLength: 200,
      validate: (value: string | null | undefined) =>
        !value || KANA.test(value) ? true : 'よみがなは、ひらがな または カタカナで入力してください。',
    },
    slugField('org', 'name'),
    {
      name: 'kind',
      type: 'select',
      label: { ja: '種別', en: 'Kind' },
      options: ORGANISATION_KIND_OPTIONS,
      required: true,
      index: true,
      access: { update: staffOnlyField },
    },
    townField(),
    { name: 'district', type: 'text', label: { ja: '地区', en: 'District' }, maxLength: 40 },
    { name: 'summary', type: 'textarea', label: { ja: '紹介文（短く）', en: 'Summary' }, maxLength: 300 },
    { name: 'body', type: 'richText', label: { ja: '詳しい紹介', en: 'About' } },
    { name: 'logo', type: 'upload', relationTo: 'media', label: { ja: 'ロゴ', en: 'Logo' } },
    {
      name: 'contact',
      type: 'group',
      label: { ja: '公開する連絡先', en: 'Public contact' },
      admin: {
        description: {
          ja: '団体の窓口として公開される連絡先です。個人の連絡先は入れないでください。',
          en: 'Shown publicly: the organisation’s own contact, never a person’s.',
        },
      },
      fields: [
        emailField(),
        phoneField(),
        {
          name: 'website',
          type: 'text',
          label: { ja: 'ウェブサイト', en: 'Website' },
          validate: (v: string | null | undefined) =>
            !v || /^https?:\/\/\S+$/.test(v) ? true : 'ウェブサイトは http:// または https:// で始まるURLを入力してください。',
        },
      ],
    },
    {
      name: 'verified',
      type: 'checkbox',
      label: { ja: '市が確認済み', en: 'Verified by the city' },
      defaultValue: false,
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'published',
      type: 'checkbox',
      label: { ja: '公開する', en: 'Published' },
      defaultValue: false,
      index: true,
      access: { create: staffOnlyField, update: staffOnlyField },
      admin: { position: 'sidebar' },
    },
  ],
}
