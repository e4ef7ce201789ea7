import type { APIRoute } from 'astro'

import { siteOrigin } from '../lib/publicUrl'

export const GET: APIRoute = ({ url }) =>
  new Response(`User-agent: *\nDisallow: /thanks/\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', siteOrigin(url)).toString()}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
