import type { APIRoute } from 'astro'

import { siteOrigin } from '../../lib/publicUrl'
import { isSitemapSection, sitemapEntries, urlsetXml, xmlResponse } from '../../lib/sitemap'

const notFound = () =>
  new Response('サイトマップが見つかりません。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** One file of the sitemap: /sitemaps/<section>-<page>.xml. */
export const GET: APIRoute = async ({ params, url }) => {
  const match = /^([a-z]+)-([1-9]\d{0,5})$/.exec(params.file ?? '')
  if (!match || !isSitemapSection(match[1])) return notFound()
  const entries = await sitemapEntries(match[1], Number(match[2]))
  return entries ? xmlResponse(urlsetXml(entries, siteOrigin(url))) : notFound()
}
