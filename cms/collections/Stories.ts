import type { CollectionConfig } from 'payload'

import { adminPreview, previewUrlEndpoint } from '../endpoints/previewUrl'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { editorsOnlyField } from '../access/editorsOnlyField'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup, themesField, townField } from '../fields/common'
import { slugField } from '../fields/slug'
import { consentGroup, consentStateField } from '../fields/consent'
import { enforcePublicationConsent } from '../hooks/enforcePublicationConsent'
import { syncReviewStatus } from '../hooks/syncReviewStatus'
import { redirectHooks } from '../hooks/maintainRedirects'
import { STORY_ORIGIN_OPTIONS, STORY_REVIEW_STATUS_OPTIONS } from '../domain/submissions'
import { queueStoryPublishedNotice } from '../hooks/queuePublishedNotice'
import { queueReceivedNotice } from '../hooks/queueReceivedNotice'

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: {
    singular: { ja: 'えすこストーリー', en: 'Story' },
    plural: { ja: 'えすこストーリー', en: 'Stories' },
  },
  admin: {
    useAsTitle: 'title',
    preview: adminPreview('stories'),
    defaultColumns: ['title', 'origin', 'reviewStatus', 'consentState', 'featured', '_status', 'publishedAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    // Resident nominations arrive through the site's form action only.
    create: viaSiteFormOrStaff,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  // A town's newest stories (the related stories of every story page, site/lib/stories.ts) in index order: with the
  // town's index alone, SQLite sorted a seventh of the stories for each list (30–40 ms at 100,000 stories; 0.3 ms now).
  indexes: [{ fields: ['town', 'publishedAt'] }],
  defaultPopulate: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, town: true },
  hooks: {
    // Review first (a site submission becomes an unreviewed draft), then consent: both refuse a premature publish.
    beforeChange: [syncReviewStatus, enforcePublicationConsent('stories'), ...redirectHooks.beforeChange],
    // Old addresses follow a changed slug (301) or end when the story is withdrawn (410).
    afterChange: [queueReceivedNotice('stories'), queueStoryPublishedNotice, ...redirectHooks.afterChange],
    beforeDelete: redirectHooks.beforeDelete,
    afterDelete: redirectHooks.afterDelete,
  },
  // GET /api/stories/:id/preview-url: a signed link to the draft on the site (cms/lib/previewLinks.ts).
  endpoints: [previewUrlEndpoint('stories')],
  fields: [
    { name: 'title', type: 'text', label: { ja: 'タイトル', en: 'Title' }, required: true, maxLength: 120 },
    slugField('story'),
    { name: 'lead', type: 'textarea', label: { ja: 'リード文', en: 'Lead' }, maxLength: 300 },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { ja: 'メイン画像', en: 'Hero image' } },
    { name: 'body', type: 'richText', label: { ja: '本文', en: 'Body' } },
    {
      name: 'easySummary',
      type: 'textarea',
      label: { ja: 'やさしい日本語の要約', en: 'Summary in easy Japanese' },
      maxLength: 600,
      admin: {
        description: {
          ja: '任意。短い文で、むずかしいことばを使わずに書いてください（例:「木次の 川の そばで、みんなで ごはんを 作りました。」）。ページの「やさしい日本語で読む」をひらくと表示されます。',
          en: 'Optional. Short sentences, everyday words; shown on the story page on request.',
        },
      },
    },
    {
      name: 'connectionOrigin',
      type: 'textarea',
      label: { ja: 'つながりのきっかけ', en: 'How the connection began' },
      maxLength: 500,
    },
    {
      type: 'row',
      fields: [townField(), themesField()],
    },
    {
      name: 'citizens',
      type: 'relationship',
      relationTo: 'citizens',
      hasMany: true,
      index: true,
      label: { ja: '登場するえすこ市民', en: 'Citizens' },
    },
    {
      name: 'organisations',
      type: 'relationship',
      relationTo: 'organisations',
      hasMany: true,
      index: true,
      label: { ja: '関わった団体', en: 'Organisations' },
    },
    { name: 'relatedPlan', type: 'relationship', relationTo: 'plans', label: { ja: '関連するプラン', en: 'Related plan' } },
    { name: 'relatedEvent', type: 'relationship', relationTo: 'events', label: { ja: '関連するイベント', en: 'Related event' } },
    {
      name: 'origin',
      type: 'select',
      label: { ja: '出どころ', en: 'Origin' },
      options: STORY_ORIGIN_OPTIONS,
      defaultValue: 'editorial',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'reviewStatus',
      type: 'select',
      label: { ja: '確認状況', en: 'Review status' },
      options: STORY_REVIEW_STATUS_OPTIONS,
      defaultValue: 'received',
      required: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: {
          ja: '住民からの投稿・推薦は「確認済み（公開できる）」にしてから公開します。',
          en: 'A resident’s submission is published only once approved.',
        },
      },
    },
    consentGroup({
      publicationLabel: { ja: '登場する方が文章での紹介に同意', en: 'The people named consent to the text' },
      photo: true,
      description: {
        ja: '登場する方（推薦された方を含む）の同意を記録するまで公開できません。メイン画像に人が写っているときは写真の同意も必要です。',
        en: 'A story cannot be published until the people in it have consented (and to photos that show them).',
      },
      admin: { position: 'sidebar' },
    }),
    consentStateField(),
    contactGroup(personalGroup('stories', 'submission'), {
      label: { ja: '投稿者（非公開）', en: 'Submitter (private)' },
      admin: { condition: (data: { origin?: string }) => data?.origin === 'resident' },
      fields: { nickname: { type: 'text', label: { ja: 'ニックネーム', en: 'Nickname' }, maxLength: 40 } },
    }),
    {
      name: 'featured',
      type: 'checkbox',
      label: { ja: 'トップページで紹介する', en: 'Featured on the home page' },
      defaultValue: false,
      index: true,
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'featuredOrder',
      type: 'number',
      label: { ja: '紹介の順番（小さいほど先）', en: 'Featured order (lower first)' },
      defaultValue: 100,
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.featured) },
    },
    {
      name: 'featuredUntil',
      type: 'date',
      label: { ja: '紹介の終了日時（空欄なら無期限）', en: 'Featured until (optional)' },
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.featured), date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { ja: '公開日', en: 'Published at' },
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      hooks: {
        beforeChange: [({ value, siblingData }) => (!value && siblingData?._status === 'published' ? new Date().toISOString() : value)],
      },
    },
  ],
}
