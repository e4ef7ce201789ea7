import { seoPlugin } from '@payloadcms/plugin-seo'
import type { GenerateDescription, GenerateImage, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'
import type { GroupField, Plugin } from 'payload'

import { idOf } from '../domain/ids'
import { SEO_COLLECTIONS, SEO_LENGTHS, type SeoCollection, clipText } from '../domain/seo'
import { adaptSeoFields, localiseSeoGroup } from '../fields/seo'
import { sitePublicUrl } from '../lib/publicUrls'

type Doc = Record<string, unknown>
const text = (v: unknown): string => (typeof v === 'string' ? v : '')
const slugOf = (args: { collectionConfig?: { slug: string } }): SeoCollection | undefined =>
  SEO_COLLECTIONS.find((s) => s === args.collectionConfig?.slug)

// The 「自動で入力」 buttons fill in what the page shows anyway, cut to the recommended length, as a start for editing.
const generateTitle: GenerateTitle<Doc> = ({ doc }) => clipText(text(doc?.title), SEO_LENGTHS.title.recommendedMax)

const DESCRIPTION_SOURCE: Record<SeoCollection, string> = { stories: 'lead', plans: 'description', events: 'summary' }
const generateDescription: GenerateDescription<Doc> = (args) => {
  const slug = slugOf(args)
  return slug ? clipText(text(args.doc?.[DESCRIPTION_SOURCE[slug]]), SEO_LENGTHS.description.recommendedMax) : ''
}

const generateImage: GenerateImage<Doc> = ({ doc }) => (idOf(doc?.heroImage) as number | string | null) ?? ''

/** The page's public address, as the preview shows it (plans are addressed by id, the rest by slug). */
const generateURL: GenerateURL<Doc> = (args) => {
  const slug = slugOf(args)
  if (!slug) return sitePublicUrl()
  const key = slug === 'plans' ? String(args.id ?? idOf(args.doc) ?? '') : text(args.doc?.slug)
  return `${sitePublicUrl()}/${slug}/${encodeURIComponent(key)}`
}

/**
 * Payload's SEO plugin on stories, plans and events: a `meta` group (title, description, share image) with length
 * indicators, a search-result preview and 「自動で入力」 buttons. Its fields are relabelled in Japanese and hold the
 * portal's limits and image rules (cms/fields/seo.ts, cms/domain/seo.ts); the site reads them in site/lib/seo.ts.
 */
export const seo = (): Plugin => async (incoming) => {
  const config = await seoPlugin({
    collections: [...SEO_COLLECTIONS],
    uploadsCollection: 'media',
    fields: ({ defaultFields }) => adaptSeoFields(defaultFields),
    generateTitle,
    generateDescription,
    generateImage,
    generateURL,
  })(incoming)
  return {
    ...config,
    collections: config.collections?.map((collection) => {
      const slug = SEO_COLLECTIONS.find((s) => s === collection.slug)
      if (!slug) return collection
      return {
        ...collection,
        fields: collection.fields.map((f) =>
          f.type === 'group' && 'name' in f && f.name === 'meta' ? localiseSeoGroup(f as GroupField, slug) : f,
        ),
      }
    }),
  }
}
