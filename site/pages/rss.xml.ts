import type { APIRoute } from 'astro'

import { siteOrigin } from '../lib/publicUrl'
import { listStoriesForFeed } from '../lib/stories'

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url)
  const stories = await listStoriesForFeed()
  const items = stories
    .map((s) => {
      const link = new URL(`/stories/${s.slug}`, origin).toString()
      return `<item><title>${xml(s.title)}</title><link>${link}</link><guid>${link}</guid>${s.publishedAt ? `<pubDate>${new Date(s.publishedAt).toUTCString()}</pubDate>` : ''}${s.lead ? `<description>${xml(s.lead)}</description>` : ''}</item>`
    })
    .join('')
  const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>えすこストーリー｜えすこポータル</title><link>${origin}/stories</link><description>雲南市「えすこな雲南市」の助け合いとつながりの物語</description><language>ja</language>${items}</channel></rss>`
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } })
}
