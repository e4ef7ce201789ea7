import type { CollectionConfig } from 'payload'

import { approvedOfferOrStaff } from '../access/approvedOfferOrStaff'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { staffOnlyField } from '../access/staffOnlyField'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { personalGroup } from '../domain/personalData'
import { contactGroup } from '../fields/common'
import { SUPPORT_OFFER_KIND_OPTIONS, SUPPORT_OFFER_STATUS_OPTIONS } from '../domain/submissions'

/** 応援したい・手伝える: a resident or an organisation offers help with a plan. */
export const SupportOffers: CollectionConfig = {
  slug: 'support-offers',
  labels: { singular: { ja: '応援の申し出', en: 'Support offer' }, plural: { ja: '応援の申し出', en: 'Support offers' } },
  admin: {
    useAsTitle: 'nickname',
    defaultColumns: ['plan', 'nickname', 'kind', 'status', 'createdAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: approvedOfferOrStaff,
    update: isStaff,
    delete: isEditor,
  },
  fields: [
    { name: 'plan', type: 'relationship', relationTo: 'plans', required: true, index: true, label: { ja: 'プラン', en: 'Plan' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'cheer',
      options: SUPPORT_OFFER_KIND_OPTIONS,
      label: { ja: '申し出の種類', en: 'Kind' },
    },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', label: { ja: '団体として', en: 'As an organisation' } },
    { name: 'nickname', type: 'text', required: true, maxLength: 40, label: { ja: 'ニックネーム', en: 'Nickname' } },
    { name: 'message', type: 'textarea', maxLength: 500, label: { ja: 'メッセージ', en: 'Message' } },
    contactGroup(personalGroup('support-offers', 'contact'), { label: { ja: '連絡先（非公開）', en: 'Contact (private)' } }),
    {
      name: 'status',
      type: 'select',
      defaultValue: 'received',
      required: true,
      index: true,
      options: SUPPORT_OFFER_STATUS_OPTIONS,
      label: { ja: '確認状況', en: 'Review status' },
      access: { create: staffOnlyField, update: staffOnlyField },
      admin: { position: 'sidebar' },
    },
  ],
}
