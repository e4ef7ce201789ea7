import type { APIRoute } from 'astro'

import { findEventBySlug } from '../../lib/events'
import { icsResponse, toICalendar } from '../../lib/ical'
import { siteOrigin } from '../../lib/publicUrl'

export const GET: APIRoute = async ({ params, url }) => {
  const event = await findEventBySlug(params.slug ?? '')
  if (!event) return new Response('イベントが見つかりません。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return icsResponse(toICalendar([event], siteOrigin(url), event.title), `${event.slug}.ics`)
}
