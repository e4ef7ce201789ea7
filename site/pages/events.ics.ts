import type { APIRoute } from 'astro'

import { listAllEventsForCalendar } from '../lib/events'
import { icsResponse, toICalendar } from '../lib/ical'
import { siteOrigin } from '../lib/publicUrl'

export const GET: APIRoute = async ({ url }) =>
  icsResponse(toICalendar(await listAllEventsForCalendar(), siteOrigin(url)), 'esuko-events.ics')
