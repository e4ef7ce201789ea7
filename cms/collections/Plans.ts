import type { CollectionConfig } from 'payload'

import { adminPreview, previewUrlEndpoint } from '../endpoints/previewUrl'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { staffOnlyField } from '../access/staffOnlyField'
import { publicPlanOrStaff } from '../access/publicPlanOrStaff'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup, themesField, townField } from '../fields/common'
import { consentGroup, consentStateField } from '../fields/consent'
import { enforcePublicationConsent } from '../hooks/enforcePublicationConsent'
import { stampPlanLifecycle } from '../hooks/stampPlanLifecycle'
import { redirectHooks } from '../hooks/maintainRedirects'
import { PLAN_KIND_OPTIONS, PLAN_STATUS_OPTIONS } from '../domain/plans'
import { queuePlanPublishedNotice } from '../hooks/queuePublishedNotice'
import { queueReceivedNotice } from '../hooks/queueReceivedNotice'

const stamp = (name: string, ja: string, en: string) => ({
  name,
  type: 'date' as const,
  label: { ja, en },
  index: true,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } },
})

/** ウエルビーイングプラン: "I want to try / take on / do what I'm good at", for others or the area. */
export const Plans: CollectionConfig = {
  slug: 'plans',
  labels: {
    singular: { ja: 'ウエルビーイングプラン', en: 'Wellbeing plan' },
    plural: { ja: 'ウエルビーイングプラン', en: 'Wellbeing plans' },
  },
  admin: {
    useAsTitle: 'title',
    preview: adminPreview('plans'),
    defaultColumns: ['title', 'kind', 'town', 'status', 'consentState', 'createdAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: publicPlanOrStaff,
    update: isStaff,
    delete: isEditor,
  },
  defaultPopulate: { title: true, kind: true, town: true, status: true, proposerNickname: true },
  hooks: {
    beforeChange: [stampPlanLifecycle, enforcePublicationConsent('plans'), ...redirectHooks.beforeChange],
    // A plan withdrawn from the site answers 410 at its address (cms/hooks/maintainRedirects.ts).
    afterChange: [queueReceivedNotice('plans'), queuePlanPublishedNotice, ...redirectHooks.afterChange],
    beforeDelete: redirectHooks.beforeDelete,
    afterDelete: redirectHooks.afterDelete,
  },
  // GET /api/plans/:id/preview-url: a signed link to the draft on the site (cms/lib/previewLinks.ts).
  endpoints: [previewUrlEndpoint('plans')],
  fields: [
    { name: 'kind', type: 'select', options: PLAN_KIND_OPTIONS, required: true, index: true, label: { ja: '種類', en: 'Kind' } },
    { name: 'title', type: 'text', required: true, maxLength: 80, label: { ja: 'プラン名', en: 'Title' } },
    { name: 'description', type: 'textarea', required: true, maxLength: 2000, label: { ja: '内容', en: 'Description' } },
    { type: 'row', fields: [townField({ required: true }), themesField()] },
    {
      name: 'proposer',
      type: 'relationship',
      relationTo: 'citizens',
      index: true,
      label: { ja: '提案者（えすこ市民）', en: 'Proposer (citizen)' },
    },
    {
      name: 'proposerNickname',
      type: 'text',
      maxLength: 40,
      label: { ja: '提案者のニックネーム（公開）', en: 'Proposer nickname (public)' },
    },
    contactGroup(personalGroup('plans', 'proposerContact'), {
      label: { ja: '提案者の連絡先（非公開）', en: 'Proposer contact (private)' },
    }),
    {
      name: 'status',
      type: 'select',
      options: PLAN_STATUS_OPTIONS,
      defaultValue: 'received',
      required: true,
      index: true,
      label: { ja: '状態', en: 'Status' },
      access: { create: staffOnlyField, update: staffOnlyField },
      admin: { position: 'sidebar' },
    },
    consentGroup({
      publicationLabel: { ja: '提案者が名前（ニックネーム）の掲載に同意', en: 'The proposer consents to being named' },
      photo: false,
      description: {
        ja: '提案者のニックネームや えすこ市民 を載せるプランは、提案者の同意を記録するまで公開できません。サイトのフォームから投稿されたプランは、投稿時の同意が自動で記録されます。',
        en: 'A plan naming its proposer cannot be public until the proposer’s consent is recorded (automatic for site submissions).',
      },
      admin: { position: 'sidebar' },
    }),
    consentStateField(),
    {
      name: 'lifecycle',
      type: 'group',
      label: { ja: '経過', en: 'Lifecycle' },
      // Stamped by the lifecycle hook; residents can never send their own.
      access: { create: staffOnlyField, update: staffOnlyField },
      admin: { position: 'sidebar' },
      fields: [
        stamp('receivedAt', '受付日時', 'Received'),
        stamp('publishedAt', '公開日時', 'Published'),
        stamp('startedAt', '開始日時', 'Started'),
        stamp('realisedAt', '実現日時', 'Realised'),
        stamp('withdrawnAt', '取り下げ日時', 'Withdrawn'),
      ],
    },
    { name: 'realisationStory', type: 'relationship', relationTo: 'stories', label: { ja: '実現のストーリー', en: 'Realisation story' } },
    {
      name: 'supportOffers',
      type: 'join',
      collection: 'support-offers',
      on: 'plan',
      label: { ja: '応援・お手伝いの申し出', en: 'Support offers' },
      defaultLimit: 20,
    },
  ],
}
