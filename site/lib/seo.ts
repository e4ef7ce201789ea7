import { clipText } from '../../cms/domain/seo'
import type { Media } from '../../cms/payload-types'
import { shareImage } from './publicUrl'

export { clipText }

/** A document's SEO group as the public reads it (cms/plugins/seo.ts); a restricted image arrives as an id, not a document. */
export type SeoMeta = { title?: string | null; description?: string | null; image?: Media | number | string | null } | null | undefined

export type PageMeta = { title: string; description?: string; image?: string }

const filled = (v: string | null | undefined): string | undefined => (v?.trim() ? v.trim() : undefined)

/**
 * What a page says in `<title>`, `meta description` and its share preview: the editors' SEO values where set, else
 * what the page showed before (its title, lead or summary, hero image). An image the public may not see (restricted,
 * e.g. a photo without consent) is never populated for the public, so it falls back too.
 */
export function pageMeta(meta: SeoMeta, fallback: { title: string; description?: string | null; image?: string | null }): PageMeta {
  return {
    title: filled(meta?.title) ?? fallback.title,
    description: filled(meta?.description) ?? filled(fallback.description),
    image: shareImage(meta?.image) ?? fallback.image ?? undefined,
  }
}
