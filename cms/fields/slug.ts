import { randomBytes } from 'node:crypto'

import type { TextField } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower-case ASCII words of a title; Japanese titles usually leave nothing, hence the fallback. */
export const asciiSlug = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')

const fallbackSlug = (prefix: string): string => `${prefix}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`

/**
 * A stable, URL-safe, unique slug. Generated once on create (from the title's ASCII words, or a short
 * unique id), then only changed when an editor types a new one, so published URLs do not break.
 */
export const slugField = (prefix: string, from = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  label: { ja: 'URLスラッグ', en: 'URL slug' },
  unique: true,
  index: true,
  // Not `required`: the hook fills it before validation, and `validate` refuses an empty one.
  admin: {
    position: 'sidebar',
    description: {
      ja: '半角英小文字・数字・ハイフンのみ。空欄なら自動で作られます。公開後に変えるとURLが変わります。',
      en: 'Lower-case letters, digits and hyphens. Left empty, one is generated. Changing it changes the public URL.',
    },
  },
  hooks: {
    beforeValidate: [
      ({ value, data, operation }) => {
        if (typeof value === 'string' && value.trim()) return asciiSlug(value)
        if (operation === 'create' || !value) {
          const source = typeof data?.[from] === 'string' ? asciiSlug(data[from]) : ''
          return source.length >= 3 ? `${source}-${randomBytes(2).toString('hex')}` : fallbackSlug(prefix)
        }
        return value
      },
    ],
  },
  validate: (value: string | null | undefined) =>
    value && SLUG_PATTERN.test(value) ? true : 'URLスラッグは半角英小文字・数字・ハイフンで入力してください。',
})
