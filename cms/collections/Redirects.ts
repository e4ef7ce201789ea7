import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { staffOnlyField } from '../access/staffOnlyField'
import { REDIRECTED_COLLECTION_OPTIONS, isSitePath, normalisePath } from '../domain/redirects'

const PATH_MESSAGE = '「/」で始まるサイト内のパス（例: /stories/new-slug）で入力してください。'

const validFrom: TextFieldSingleValidation = (value) => (isSitePath(value) && value !== '/' ? true : PATH_MESSAGE)
const validTo: TextFieldSingleValidation = (value, { siblingData }) => {
  const data = siblingData as { gone?: boolean; from?: string }
  if (data.gone) return true
  if (!isSitePath(value)) return `移動先を${PATH_MESSAGE}（公開を終了したページなら「公開終了（410）」にチェック）`
  if (data.from && normalisePath(value) === normalisePath(data.from)) return '移動元と移動先が同じです。'
  return true
}

/**
 * Old page addresses: each answers 301 to `to`, or 410 when `gone`. Kept by the hooks of the redirected
 * collections (cms/hooks/maintainRedirects.ts) when a public page's slug changes or it stops being public;
 * editors may add their own. Holds addresses only, nothing personal, so anyone may read it.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: { ja: 'リダイレクト', en: 'Redirect' }, plural: { ja: 'リダイレクト', en: 'Redirects' } },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'gone', 'docCollection', 'updatedAt'],
    group: { ja: 'コンテンツ', en: 'Content' },
    description: {
      ja: '古いURLから新しいURLへの転送（301）と、公開を終了したページ（410）。スラッグの変更・非公開・削除のときに自動で作られます。',
      en: 'Old URLs: moved (301) or gone (410). Kept automatically when a slug changes or a page is withdrawn.',
    },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'from',
      type: 'text',
      label: { ja: '移動元のパス', en: 'From path' },
      required: true,
      unique: true,
      index: true,
      validate: validFrom,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? normalisePath(value.trim()) : value)] },
    },
    {
      name: 'to',
      type: 'text',
      label: { ja: '移動先のパス', en: 'To path' },
      index: true,
      validate: validTo,
      hooks: {
        beforeValidate: [({ value, siblingData }) => (siblingData?.gone ? null : typeof value === 'string' ? value.trim() : value)],
      },
      admin: { condition: (data) => !data?.gone },
    },
    {
      name: 'gone',
      type: 'checkbox',
      label: { ja: '公開終了（410）', en: 'Gone (410)' },
      defaultValue: false,
    },
    // Which document the address belonged to: lets a later move or withdrawal carry every old address along.
    {
      name: 'docCollection',
      type: 'select',
      label: { ja: '対象の種類', en: 'Collection' },
      options: REDIRECTED_COLLECTION_OPTIONS,
      index: true,
      access: { read: staffOnlyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'docId',
      type: 'text',
      label: { ja: '対象のID', en: 'Document id' },
      index: true,
      access: { read: staffOnlyField },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
