import type { APIRoute } from 'astro'

export const GET: APIRoute = ({ site, url }) =>
  new Response(`User-agent: *\nDisallow: /thanks/\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', (site ?? url).origin).toString()}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
