import type { CollectionConfig } from 'payload'

import { adminPreview, previewUrlEndpoint } from '../endpoints/previewUrl'
import { consentedCitizenOrStaff } from '../access/consentedCitizenOrStaff'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { photoConsentOrStaff } from '../access/photoConsentOrStaff'
import { staffOnlyField } from '../access/staffOnlyField'
import { personalGroup } from '../domain/personalData'
import { contactGroup, themesField, townField } from '../fields/common'
import { slugField } from '../fields/slug'
import { setRegistrant } from '../hooks/setRegistrant'
import { syncPhotoVisibility } from '../hooks/syncPhotoVisibility'
import { redirectHooks } from '../hooks/maintainRedirects'
import { stampCitizenSince } from '../hooks/stampCitizenSince'
import { CITIZEN_STATUS_OPTIONS, DISCOVERY_CHANNEL_OPTIONS } from '../domain/citizens'
import { consentGroup, consentStateField } from '../fields/consent'
import { enforcePublicationConsent } from '../hooks/enforcePublicationConsent'

export const Citizens: CollectionConfig = {
  slug: 'citizens',
  labels: { singular: { ja: 'えすこ市民', en: 'Esuko citizen' }, plural: { ja: 'えすこ市民', en: 'Esuko citizens' } },
  admin: {
    useAsTitle: 'displayName',
    preview: adminPreview('citizens'),
    defaultColumns: ['displayName', 'town', 'status', 'consentState', 'registeredAt'],
    group: { ja: '人と団体', en: 'People & organisations' },
    description: {
      ja: '公開されるのは「登録」かつ掲載に同意した方の公開欄だけです。非公開欄は編集者と登録したコーディネーターだけが見られます。',
      en: 'Only registered citizens who consented to publication are public, and only their public fields.',
    },
  },
  access: {
    create: isStaff,
    read: consentedCitizenOrStaff,
    update: isStaff,
    delete: isEditor,
  },
  defaultPopulate: { displayName: true, slug: true, town: true, intro: true },
  hooks: {
    beforeChange: [setRegistrant, stampCitizenSince, enforcePublicationConsent('citizens'), ...redirectHooks.beforeChange],
    // A withdrawn profile's addresses answer 410, never a redirect to wherever it went.
    afterChange: [syncPhotoVisibility, ...redirectHooks.afterChange],
    beforeDelete: redirectHooks.beforeDelete,
    afterDelete: redirectHooks.afterDelete,
  },
  // GET /api/citizens/:id/preview-url: a signed link to the draft on the site (cms/lib/previewLinks.ts).
  endpoints: [previewUrlEndpoint('citizens')],
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: { ja: '公開プロフィール', en: 'Public profile' },
          fields: [
            {
              name: 'displayName',
              type: 'text',
              label: { ja: '表示名（ニックネーム可）', en: 'Display name' },
              required: true,
              maxLength: 40,
              admin: {
                description: {
                  ja: '例:「山王寺の佐藤さん」。フルネームは非公開欄へ。',
                  en: 'e.g. “Sato-san of Sannōji”. Full names go in the private tab.',
                },
              },
            },
            slugField('citizen', 'none'),
            townField({ required: true }),
            {
              name: 'district',
              type: 'text',
              label: { ja: '地区（地域自主組織の範囲まで）', en: 'District (no finer)' },
              maxLength: 40,
              admin: {
                description: { ja: '集落名・番地など、これより細かい場所は入れないでください。', en: 'Nothing finer than the district.' },
              },
            },
            themesField(),
            { name: 'interests', type: 'text', label: { ja: '興味・得意なこと', en: 'Interests' }, maxLength: 120 },
            { name: 'intro', type: 'text', label: { ja: 'ひとこと紹介', en: 'One-line intro' }, maxLength: 80 },
            { name: 'activities', type: 'textarea', label: { ja: '活動の内容', en: 'Activities' }, maxLength: 1000 },
            {
              name: 'photo',
              type: 'upload',
              relationTo: 'media',
              label: { ja: '写真', en: 'Photo' },
              access: { read: photoConsentOrStaff },
            },
          ],
        },
        {
          label: { ja: 'つながり', en: 'Connections' },
          description: {
            ja: '新しいつながりがどのように生まれたかを記録します（仕様書の登録項目）。',
            en: 'How this person’s new connections came about.',
          },
          fields: [
            {
              name: 'discoveredThrough',
              type: 'select',
              label: { ja: '発見のきっかけ', en: 'Discovered through' },
              options: DISCOVERY_CHANNEL_OPTIONS,
            },
            {
              name: 'connectionMethod',
              type: 'textarea',
              label: { ja: '新たなつながりを生んだ方法', en: 'How the connections came about' },
              maxLength: 1000,
            },
            {
              name: 'connections',
              type: 'join',
              collection: 'connections',
              on: 'citizen',
              label: { ja: '記録されたつながり', en: 'Recorded connections' },
              defaultLimit: 20,
              admin: { defaultColumns: ['partnerLabel', 'connectedAt', 'origin'] },
            },
          ],
        },
        {
          label: { ja: '同意と非公開情報', en: 'Consent & private data' },
          fields: [
            consentGroup({
              publicationLabel: { ja: 'プロフィールの掲載に同意', en: 'Consents to a public profile' },
              photo: true,
              description: {
                ja: '「登録」かつ掲載に同意した方だけが公開されます。同意の方法・日付（口頭なら立会人）を記録してから同意にチェックしてください。写真は写真の同意があるときだけ公開されます。',
                en: 'Public only when registered with recorded consent; the photo only with photo consent.',
              },
            }),
            contactGroup(personalGroup('citizens', 'private'), {
              label: { ja: '非公開情報', en: 'Private data' },
              admin: {
                description: {
                  ja: '編集者と、この方を登録したコーディネーターだけが閲覧できます。',
                  en: 'Editors and the registering coordinator only.',
                },
              },
              fields: {
                legalName: { type: 'text', label: { ja: '氏名', en: 'Legal name' }, maxLength: 60 },
                birthYear: { type: 'number', label: { ja: '生まれ年', en: 'Birth year' }, min: 1900, max: 2030 },
                notes: { type: 'textarea', label: { ja: '職員メモ', en: 'Staff notes' }, maxLength: 2000 },
              },
            }),
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      label: { ja: '状態', en: 'Status' },
      options: CITIZEN_STATUS_OPTIONS,
      defaultValue: 'candidate',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    consentStateField(),
    {
      name: 'citizenSince',
      type: 'date',
      label: { ja: 'えすこ市民になった日', en: 'Citizen since' },
      index: true,
      admin: {
        position: 'sidebar',
        description: {
          ja: '状態が「登録」になった日（KPIの集計に使います）。',
          en: 'When the status first became “registered” (counted for the KPI).',
        },
      },
    },
    {
      name: 'registeredBy',
      type: 'relationship',
      relationTo: 'users',
      label: { ja: '登録した職員', en: 'Registered by' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: staffOnlyField },
    },
    {
      name: 'registeredAt',
      type: 'date',
      label: { ja: '登録日', en: 'Registered at' },
      index: true,
      admin: { position: 'sidebar', readOnly: true },
      access: { read: staffOnlyField },
    },
  ],
}
