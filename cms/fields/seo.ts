import type { Field, GroupField, PayloadRequest, Where } from 'payload'
import { validations } from 'payload'

import { idOf } from '../domain/ids'
import {
  SEO_LENGTHS,
  SHARE_IMAGE_MAY_SHOW_PEOPLE,
  SHARE_IMAGE_RESTRICTED_PROBLEM,
  SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM,
  type SeoCollection,
  type SeoText,
  seoTextProblem,
} from '../domain/seo'

// The plugin's length indicators read the field's minLength/maxLength; the limit itself is `validate` (in Japanese),
// which replaces Payload's own check, so the recommended minimum is advice, never a refusal.
const lengthsFor = (kind: SeoText) => ({ minLength: SEO_LENGTHS[kind].recommendedMin, maxLength: SEO_LENGTHS[kind].recommendedMax })
const overviewLengths = { titleOverrides: lengthsFor('title'), descriptionOverrides: lengthsFor('description') }

type AnyField = Field & { name?: string; admin?: Record<string, unknown> }

/** The field's admin with the plugin's custom component kept and `clientProps` extended. */
function withClientProps(field: AnyField, clientProps: Record<string, unknown>): Record<string, unknown> {
  const admin = (field.admin ?? {}) as { components?: { Field?: { clientProps?: Record<string, unknown> } } }
  const component = admin.components?.Field ?? {}
  return {
    ...admin,
    components: { ...admin.components, Field: { ...component, clientProps: { ...component.clientProps, ...clientProps } } },
  }
}

const isSeoCollection = (slug: string | undefined): slug is SeoCollection => slug === 'stories' || slug === 'plans' || slug === 'events'

/** A share image must be public, and show nobody where no photo consent is recorded (cms/domain/seo.ts). */
async function validateShareImage(value: unknown, options: { req: PayloadRequest; collectionSlug?: string }): Promise<string | true> {
  // The portal's reasons first: Payload's own check would refuse the same image (it is outside the picker's
  // filter) with only 「次の無効な選択があります」.
  const id = idOf(value)
  const media =
    id === null
      ? null
      : await options.req.payload
          .findByID({
            collection: 'media',
            id,
            depth: 0,
            overrideAccess: true,
            req: options.req,
            select: { restricted: true, showsPeople: true },
          })
          .catch(() => null)
  if (media?.restricted) return SHARE_IMAGE_RESTRICTED_PROBLEM
  const slug = options.collectionSlug
  if (media && isSeoCollection(slug) && !SHARE_IMAGE_MAY_SHOW_PEOPLE[slug] && media.showsPeople !== false)
    return SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM
  return validations.upload(value as never, options as never)
}

/** The plugin's fields with Japanese labels and the portal's lengths and image rules. */
export function adaptSeoFields(defaultFields: Field[]): Field[] {
  return (defaultFields as AnyField[]).map((field): Field => {
    switch (field.name) {
      // Not drawn by the plugin's components, but Payload lists field labels elsewhere (columns, filters).
      case 'overview':
        return { ...field, label: { ja: 'おすすめとの比較', en: 'Overview' }, admin: withClientProps(field, overviewLengths) } as Field
      case 'preview':
        return { ...field, label: { ja: '検索結果での見え方', en: 'Preview' } } as Field
      case 'title':
        return {
          ...field,
          label: { ja: '検索・共有用のタイトル', en: 'Search and share title' },
          ...lengthsFor('title'),
          validate: (value: unknown) => seoTextProblem('title', value) ?? true,
        } as Field
      case 'description':
        return {
          ...field,
          label: { ja: '検索・共有用の説明文', en: 'Search and share description' },
          ...lengthsFor('description'),
          validate: (value: unknown) => seoTextProblem('description', value) ?? true,
        } as Field
      case 'image':
        return {
          ...field,
          label: { ja: '共有用画像', en: 'Share image' },
          admin: {
            ...field.admin,
            description: {
              ja: '空欄なら、メイン画像（なければ えすこポータルの標準画像）で共有されます。横長（1200×630ピクセル程度）がおすすめです。非公開の画像は使えません。',
              en: 'Empty: the hero image, else the portal’s default image.',
            },
          },
          validate: validateShareImage,
        } as Field
      default:
        return field as Field
    }
  })
}

/** Which images the picker offers for a collection's share image: public ones, and for plans and events only those showing nobody. */
export const shareImageFilter = (slug: SeoCollection): Where =>
  SHARE_IMAGE_MAY_SHOW_PEOPLE[slug]
    ? { restricted: { not_equals: true } }
    : { and: [{ restricted: { not_equals: true } }, { showsPeople: { equals: false } }] }

/** The plugin's `meta` group labelled in Japanese, its image picker filtered for `slug`. */
export function localiseSeoGroup(group: GroupField, slug: SeoCollection): GroupField {
  return {
    ...group,
    label: { ja: '検索・SNSでの表示（SEO）', en: 'SEO' },
    admin: {
      ...group.admin,
      description: {
        ja: '検索結果やLINE・SNSで共有されたときの表示です。空欄の項目は、ページのタイトル・リード文・メイン画像が使われます。',
        en: 'How the page shows in search results and share previews; empty fields fall back to the page’s own.',
      },
    },
    fields: group.fields.map((f) => ('name' in f && f.name === 'image' ? ({ ...f, filterOptions: shareImageFilter(slug) } as Field) : f)),
  }
}
