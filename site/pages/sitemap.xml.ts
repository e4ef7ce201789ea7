import type { APIRoute } from 'astro'

import { listCitizens } from '../lib/citizens'
import { listAllEventsForCalendar } from '../lib/events'
import { listOrganisations } from '../lib/organisations'
import { siteOrigin } from '../lib/publicUrl'
import { listStoriesForFeed } from '../lib/stories'

const STATIC = [
  '/',
  '/stories',
  '/citizens',
  '/plans',
  '/plans/new',
  '/events',
  '/organisations',
  '/nominate',
  '/survey',
  '/about',
  '/privacy',
]

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url)
  const [stories, events, citizens, orgs] = await Promise.all([
    listStoriesForFeed(1000),
    listAllEventsForCalendar(),
    listCitizens({ page: 1 }),
    listOrganisations({ page: 1 }),
  ])
  const paths = [
    ...STATIC,
    ...stories.map((s) => `/stories/${s.slug}`),
    ...events.map((e) => `/events/${e.slug}`),
    ...citizens.docs.map((c) => `/citizens/${c.slug}`),
    ...orgs.docs.map((o) => `/organisations/${o.slug}`),
  ]
  const body = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${new URL(p, origin).toString()}</loc></url>`).join('')}</urlset>`
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
}
