import type { APIRoute } from 'astro'

import { siteOrigin } from '../lib/publicUrl'
import { listSitemapFiles, sitemapIndexXml, xmlResponse } from '../lib/sitemap'

/** The sitemap index: one file per kind of public page and per 50,000 URLs (site/lib/sitemap.ts). */
export const GET: APIRoute = async ({ url }) => xmlResponse(sitemapIndexXml(await listSitemapFiles(), siteOrigin(url)))
