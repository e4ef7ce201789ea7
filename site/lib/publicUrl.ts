import { configuredSiteOrigin } from '../../cms/lib/publicUrls'

// Absolute URLs the site hands out (canonical links, og:image, feeds, calendars, sitemap) use the public
// origin: SITE_PUBLIC_URL, read at run time (astro.config's `site` is fixed when the site is built), else the
// request's own origin.
export const siteOrigin = (requestUrl: URL): string => configuredSiteOrigin() ?? requestUrl.origin

/** `path` made absolute on the public origin. */
export const absoluteUrl = (path: string, requestUrl: URL): string => new URL(path, siteOrigin(requestUrl)).toString()

const MEDIA_PATH = /^\/api\/media\/file\/[^/?#]+$/

/**
 * A media URL as Payload returns it — relative, or absolute on the admin's origin when CMS_PUBLIC_URL is set — as
 * a path on the site's own origin (site/pages/api/media/file/[filename].ts serves it), so `img-src 'self'` holds.
 * `version` (the document's updatedAt) goes into the query: the site then lets browsers keep the file for a year.
 */
export function mediaPath(url: string | null | undefined, version?: string | null): string | undefined {
  if (!url) return undefined
  let path: string
  try {
    path = new URL(url, 'http://site.invalid').pathname
  } catch {
    return undefined
  }
  if (!MEDIA_PATH.test(path)) return undefined
  const v = version ? Date.parse(version) : NaN
  return Number.isFinite(v) ? `${path}?v=${v.toString(36)}` : path
}

type MediaLike = { url?: string | null; updatedAt?: string | null; sizes?: Record<string, { url?: string | null } | undefined> | null }

/** The picture a page is shared with (og:image): the largest generated size on the site's origin, or none. */
export function shareImage(media: MediaLike | number | string | null | undefined): string | undefined {
  if (!media || typeof media !== 'object') return undefined
  return mediaPath(media.sizes?.hero?.url ?? media.sizes?.card?.url ?? media.url, media.updatedAt)
}
