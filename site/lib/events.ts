import type { Event, Organisation } from '../../cms/payload-types'
import { SEAT_HOLDING_STATUSES } from '../../cms/domain/submissions'
import { payloadClient } from './payload'
import { findPreview } from './preview'
import { cached, remember } from './cache'

const EVENT_TAGS = ['events', 'organisations']
// An event's page populates its share image too.
const EVENT_PAGE_TAGS = [...EVENT_TAGS, 'media']

export type EventCard = Pick<Event, 'id' | 'kind' | 'title' | 'slug' | 'startsAt' | 'endsAt' | 'venue' | 'town' | 'summary' | 'cancelled'>
export type EventPage = EventCard &
  Pick<
    Event,
    'description' | 'capacity' | 'registrationOpensAt' | 'registrationClosesAt' | 'registrationEnabled' | 'updatedAt' | 'createdAt' | 'meta'
  > & {
    participatingOrganisations?: (Pick<Organisation, 'id' | 'name' | 'slug'> | number)[] | null
  }

const cardSelect = {
  kind: true,
  title: true,
  slug: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  town: true,
  summary: true,
  cancelled: true,
} as const

async function listUpcomingEventsUncached(limit = 3, now = new Date()): Promise<EventCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'events',
    where: { startsAt: { greater_than_equal: now.toISOString() } },
    sort: 'startsAt',
    select: cardSelect,
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as EventCard[]
}
export const listUpcomingEvents = cached('events.listUpcomingEvents', EVENT_TAGS, listUpcomingEventsUncached)

async function listEventsUncached({ page = 1, past = false, now = new Date() }: { page?: number; past?: boolean; now?: Date } = {}) {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'events',
    where: past ? { startsAt: { less_than: now.toISOString() } } : { startsAt: { greater_than_equal: now.toISOString() } },
    sort: past ? '-startsAt' : 'startsAt',
    select: cardSelect,
    depth: 0,
    limit: 12,
    page,
    overrideAccess: false,
  })
  return { ...result, docs: result.docs as EventCard[] }
}
export const listEvents = cached('events.listEvents', EVENT_TAGS, listEventsUncached)

/** How far back the calendar feed reaches: every upcoming event, and those of the past year. */
export const CALENDAR_PAST_DAYS = 365

async function listAllEventsForCalendarUncached(now = new Date()): Promise<EventPage[]> {
  const payload = await payloadClient()
  const since = new Date(now.getTime() - CALENDAR_PAST_DAYS * 86_400_000).toISOString()
  const result = await payload.find({
    collection: 'events',
    where: { startsAt: { greater_than_equal: since } },
    sort: 'startsAt',
    select: { ...cardSelect, updatedAt: true, createdAt: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as EventPage[]
}
export const listAllEventsForCalendar = cached('events.listAllEventsForCalendar', EVENT_TAGS, listAllEventsForCalendarUncached)

// What an event's page shows, for the public read and the staff preview alike.
const eventPageRead = {
  select: {
    ...cardSelect,
    description: true,
    capacity: true,
    registrationOpensAt: true,
    registrationClosesAt: true,
    registrationEnabled: true,
    participatingOrganisations: true,
    updatedAt: true,
    createdAt: true,
    meta: true,
  },
  populate: { organisations: { name: true, slug: true } },
  depth: 1,
} as const

async function findEventBySlugUncached(slug: string): Promise<EventPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'events',
    where: { slug: { equals: slug } },
    ...eventPageRead,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as EventPage | undefined) ?? null
}
export const findEventBySlug = cached('events.findEventBySlug', EVENT_PAGE_TAGS, findEventBySlugUncached)

/** An event's latest version (a draft) for a staff preview link; never cached. */
export const previewEvent = (slug: string, token: string): Promise<EventPage | null> =>
  findPreview<EventPage>('events', token, { slug }, eventPageRead)

async function remainingSeatsUncached(event: Pick<Event, 'id' | 'capacity'>): Promise<number | null> {
  if (typeof event.capacity !== 'number') return null
  const payload = await payloadClient()
  // Registrations are closed to the public, so this count runs with access control off but selects nothing personal.
  const { docs } = await payload.find({
    collection: 'event-registrations',
    where: { and: [{ event: { equals: event.id } }, { status: { in: SEAT_HOLDING_STATUSES } }] },
    select: { partySize: true },
    depth: 0,
    pagination: false,
  })
  const taken = docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
  return Math.max(0, event.capacity - taken)
}
/** Seats left (null: no capacity set). Counts only confirmed registrations; no personal data is read. */
export const remainingSeats = (event: Pick<Event, 'id' | 'capacity'>): Promise<number | null> =>
  remember(`events.remainingSeats:${event.id}:${event.capacity}`, ['event-registrations', 'events'], () => remainingSeatsUncached(event))

export type RegistrationState = 'open' | 'not_yet' | 'closed' | 'full' | 'cancelled' | 'disabled'

export function registrationState(event: EventPage, seatsLeft: number | null, now = new Date()): RegistrationState {
  if (event.cancelled) return 'cancelled'
  if (event.registrationEnabled === false) return 'disabled'
  if (event.registrationOpensAt && now < new Date(event.registrationOpensAt)) return 'not_yet'
  const closes = event.registrationClosesAt ?? event.startsAt
  if (closes && now > new Date(closes)) return 'closed'
  if (seatsLeft === 0) return 'full'
  return 'open'
}
