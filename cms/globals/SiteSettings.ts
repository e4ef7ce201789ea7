import type { GlobalConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { signedInField } from '../access/signedInField'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { ja: 'サイト設定', en: 'Site settings' },
  admin: { group: { ja: '管理', en: 'Admin' } },
  access: { read: () => true, update: isEditor },
  fields: [
    {
      name: 'hero',
      type: 'group',
      label: { ja: 'トップページの見出し', en: 'Home hero' },
      fields: [
        {
          name: 'title',
          type: 'text',
          maxLength: 60,
          defaultValue: '助け合いは、ふだんの暮らしの「ついで」から。',
          label: { ja: '見出し', en: 'Title' },
        },
        {
          name: 'lead',
          type: 'textarea',
          maxLength: 200,
          defaultValue: 'えすこポータルは、雲南市で「えすこ」に人と関わり、つながりをつくっている人たちの物語を集めています。',
          label: { ja: 'リード文', en: 'Lead' },
        },
        { name: 'image', type: 'upload', relationTo: 'media', label: { ja: '画像', en: 'Image' } },
      ],
    },
    {
      name: 'navigation',
      type: 'array',
      label: { ja: 'ナビゲーション', en: 'Navigation' },
      maxRows: 8,
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 20, label: { ja: '表示名', en: 'Label' } },
        {
          name: 'href',
          type: 'text',
          required: true,
          label: { ja: 'リンク先', en: 'Link' },
          validate: (v: string | null | undefined) =>
            v && /^(\/|https?:\/\/)/.test(v) ? true : 'リンク先は / または https:// で始めてください。',
        },
      ],
    },
    {
      name: 'notices',
      type: 'array',
      label: { ja: 'お知らせ', en: 'Notices' },
      fields: [
        { name: 'text', type: 'text', required: true, maxLength: 120, label: { ja: '本文', en: 'Text' } },
        { name: 'href', type: 'text', label: { ja: 'リンク先', en: 'Link' } },
        { name: 'from', type: 'date', label: { ja: '表示開始', en: 'From' } },
        { name: 'until', type: 'date', label: { ja: '表示終了', en: 'Until' } },
      ],
    },
    {
      name: 'retentionDays',
      type: 'number',
      defaultValue: 365,
      min: 30,
      max: 3650,
      required: true,
      label: { ja: '住民の連絡先の保存期間（日）', en: 'Keep residents’ contact details for (days)' },
      admin: {
        description: {
          ja: 'えすこ市民以外の方の連絡先は、この日数を過ぎると自動で消去されます。',
          en: 'Contact details of residents who are not esuko citizens are purged after this many days.',
        },
      },
      access: { read: signedInField },
    },
  ],
}
