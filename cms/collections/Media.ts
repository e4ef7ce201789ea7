import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { isAccount } from '../access/isAccount'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { unrestrictedOrStaff } from '../access/unrestrictedOrStaff'
import { dataDir } from '../runtime/paths'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { ja: '画像', en: 'Image' }, plural: { ja: '画像', en: 'Images' } },
  admin: { useAsTitle: 'alt', group: { ja: 'コンテンツ', en: 'Content' } },
  access: {
    // Organisation managers upload their logo; everything else is staff work.
    create: isAccount,
    read: unrestrictedOrStaff,
    update: isStaff,
    delete: isEditor,
  },
  upload: {
    // Runtime path from env/cwd: this file is bundled into the site build.
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
    imageSizes: [
      { name: 'thumb', width: 320, height: 320, position: 'centre', formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'hero', width: 1280, formatOptions: { format: 'webp', options: { quality: 78 } } },
    ],
    adminThumbnail: 'thumb',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { ja: '代替テキスト（画像の説明）', en: 'Alt text (Japanese)' },
      required: true,
      maxLength: 200,
      admin: {
        description: {
          ja: '画像が見えない方のための説明です。例:「斐伊川の堤防でごみを拾う親子」',
          en: 'Describe the image for people who cannot see it, in Japanese.',
        },
      },
      validate: (value: string | null | undefined) =>
        value && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(value) ? true : '代替テキストを日本語で入力してください。',
    },
    { name: 'credit', type: 'text', label: { ja: '撮影・提供', en: 'Credit' }, maxLength: 80 },
    {
      name: 'showsPeople',
      type: 'checkbox',
      // Unknown is treated as showing people: a story's photo then needs photo consent (cms/domain/consent.ts).
      defaultValue: true,
      label: { ja: '人物が写っている', en: 'Shows people' },
      admin: {
        position: 'sidebar',
        description: {
          ja: '人が写っている画像をストーリーで使うには、写っている方の写真の同意が必要です。風景や物だけの画像ならチェックを外してください。',
          en: 'A story may show a photo of people only with their photo consent.',
        },
      },
    },
    {
      name: 'restricted',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { ja: '非公開（関係者のみ）', en: 'Restricted (staff only)' },
      admin: {
        position: 'sidebar',
        description: {
          ja: '本人の掲載同意がない写真などは非公開にします。えすこ市民の写真は同意の有無に合わせて自動で切り替わります。',
          en: 'Set automatically for esuko citizens’ photos from their photo consent.',
        },
      },
    },
  ],
}
