import type { APIRoute } from 'astro'

import { listAllEventsForCalendar } from '../lib/events'
import { icsResponse, toICalendar } from '../lib/ical'

export const GET: APIRoute = async ({ site, url }) =>
  icsResponse(toICalendar(await listAllEventsForCalendar(), (site ?? url).origin), 'esuko-events.ics')
