import type { APIRoute } from 'astro'

import { findEventBySlug } from '../../lib/events'
import { icsResponse, toICalendar } from '../../lib/ical'

export const GET: APIRoute = async ({ params, site, url }) => {
  const event = await findEventBySlug(params.slug ?? '')
  if (!event) return new Response('イベントが見つかりません。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return icsResponse(toICalendar([event], (site ?? url).origin, event.title), `${event.slug}.ics`)
}
