import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type Payload,
  type RequestContext,
} from 'payload'

import { idOf } from '../domain/ids'
import { holdsSeats, SEAT_HOLDING_STATUSES, WAITLISTED } from '../domain/submissions'
import { adjustCounter, claimCounter, readCounter } from '../lib/sharedCounters'
import { forgetPromotionToken, promoteWaitlisted, resetPromotionToken, SEATS_CLAIMED_BY_PROMOTION } from '../lib/waitlist'
import type { Event, EventRegistration } from '../payload-types'

/**
 * Seats are counted in the database, not in a process: every confirmed registration holds `partySize` seats of a
 * shared counter per event (cms/lib/sharedCounters.ts), claimed with one conditional statement, so registrations
 * for the last seats through several site processes accept exactly the capacity. Cancelling, deleting or
 * resizing a registration gives its seats back (or takes more); staff may add people beyond the capacity.
 * A resident who asked for the waiting list and finds no seat is stored as waitlisted, holding none; seats given
 * back go to the waiting list first (cms/lib/waitlist.ts).
 */
export const seatsKey = (eventId: number | string): string => `seats:${eventId}`

const seatsOf = (doc: Partial<EventRegistration> | undefined): number => (holdsSeats(doc?.status) ? (doc?.partySize ?? 1) : 0)

/** Seats already taken by confirmed registrations: the counter's starting value the first time it is needed. */
export async function confirmedSeats(payload: Payload, eventId: number | string): Promise<number> {
  const { docs } = await payload.find({
    collection: 'event-registrations',
    where: { and: [{ event: { equals: eventId } }, { status: { in: SEAT_HOLDING_STATUSES } }] },
    select: { partySize: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
}

const CLAIMS = 'esukoSeatClaims'
type Claim = { payload: Payload; key: string; seats: number }

/**
 * The claims of one create, kept in one array the request context points at. Payload replaces `req.context` with
 * a shallow copy whenever a hook passes `req` to another Local API call, so the array is changed in place, never
 * reassigned: every copy, and the caller's own context object, see the same claims.
 */
const claimsOf = (context: RequestContext): Claim[] => ((context[CLAIMS] as Claim[] | undefined) ??= [])

/** A context for a create whose caller will give back its seats on failure (site/lib/submit.ts). */
export const seatClaimsContext = (): RequestContext => ({ [CLAIMS]: [] })

/** Context of a site create whose resident accepts the waiting list when no seat is left. */
export const WAITLIST_ACCEPTED = 'esukoWaitlistAccepted'

/**
 * Gives back the seats a failed create claimed (its row was never written). The site calls this when its Local
 * API create fails; the admin's REST route through the collection's afterError hook.
 */
export async function releaseSeatClaims(context: RequestContext | undefined): Promise<void> {
  const claims = (context?.[CLAIMS] as Claim[] | undefined)?.splice(0) ?? []
  for (const { payload, key, seats } of claims) await adjustCounter(payload, key, -seats)
}

/**
 * A registration is refused outside the event's registration window, for a cancelled or unpublished
 * event, and when the confirmed party sizes would exceed the capacity. Staff may add people anyway.
 */
export const enforceEventCapacity: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !holdsSeats(data.status ?? 'confirmed')) return data
  const eventId = typeof data.event === 'object' && data.event ? data.event.id : data.event
  const event = (await req.payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  if (!event || event._status !== 'published') throw new APIError('申し込み先のイベントが見つかりません。', 400, null, true)
  const site = req.context?.channel === 'site'

  if (site) {
    const now = Date.now()
    if (event.cancelled) throw new APIError('このイベントは中止になりました。', 400, null, true)
    if (event.registrationEnabled === false) throw new APIError('このイベントはウェブでの申し込みを受け付けていません。', 400, null, true)
    if (event.registrationOpensAt && now < Date.parse(event.registrationOpensAt))
      throw new APIError('申し込みの受付はまだ始まっていません。', 400, null, true)
    const closes = event.registrationClosesAt ?? event.startsAt
    if (closes && now > Date.parse(closes)) throw new APIError('申し込みの受付は終了しました。', 400, null, true)
  }

  // Every event counts its seats, so a capacity set later starts from the truth; only residents are held to it.
  const seats = data.partySize ?? 1
  const key = seatsKey(event.id)
  const capacity = site && typeof event.capacity === 'number' ? event.capacity : null
  const claimed = await claimCounter(req.payload, key, seats, capacity, () => confirmedSeats(req.payload, event.id))
  if (claimed === null) {
    if (site && req.context?.[WAITLIST_ACCEPTED] === true && seats <= capacity!) return { ...data, status: WAITLISTED }
    const taken = (await readCounter(req.payload, key)) ?? 0
    throw new APIError(
      taken >= capacity!
        ? '定員に達したため、申し込みを締め切りました。'
        : `残りの席は ${capacity! - taken} 名分です。人数を減らしてお申し込みください。`,
      409,
      null,
      true,
    )
  }
  claimsOf(req.context).push({ payload: req.payload, key, seats })
  return data
}

/** Once the row exists the claim is kept; later edits move seats between states, sizes and events. */
export const moveEventSeats: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') {
    claimsOf(req.context).splice(0)
    return doc
  }
  // A promotion claimed its seats against the capacity before it changed the status.
  if (req.context?.[SEATS_CLAIMED_BY_PROMOTION] === doc.id) return doc
  if (doc.status === WAITLISTED && previousDoc?.status !== WAITLISTED) await resetPromotionToken(req.payload, doc.id)
  const [beforeEvent, afterEvent] = [idOf(previousDoc?.event)!, idOf(doc.event)!]
  const before = { key: seatsKey(beforeEvent), seats: seatsOf(previousDoc) }
  const after = { key: seatsKey(afterEvent), seats: seatsOf(doc) }
  if (before.key === after.key) await adjustCounter(req.payload, after.key, after.seats - before.seats)
  else {
    await adjustCounter(req.payload, before.key, -before.seats)
    await adjustCounter(req.payload, after.key, after.seats)
  }
  // Seats given back (cancelled, smaller party, moved to another event) go to the waiting list.
  if (before.key !== after.key ? before.seats > 0 : after.seats < before.seats) await promoteSafely(req.payload, beforeEvent)
  return doc
}

export const freeEventSeats: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const seats = seatsOf(doc)
  await adjustCounter(req.payload, seatsKey(idOf(doc.event)!), -seats)
  await forgetPromotionToken(req.payload, doc.id)
  if (seats > 0) await promoteSafely(req.payload, idOf(doc.event)!)
  return doc
}

/** A raised (or removed) capacity makes room for the waiting list. */
export const promoteOnCapacityRaised: CollectionAfterChangeHook<Event> = async ({ doc, previousDoc, req }) => {
  const raised = typeof previousDoc?.capacity === 'number' && (typeof doc.capacity !== 'number' || doc.capacity > previousDoc.capacity)
  if (raised) await promoteSafely(req.payload, doc.id)
  return doc
}

// The change that freed the seats has happened; a failed promotion is logged and retried by the next freed seat.
async function promoteSafely(payload: Payload, eventId: number | string) {
  await promoteWaitlisted(payload, eventId).catch((error) => payload.logger.error({ err: error, msg: 'waiting list promotion failed' }))
}

/** A deleted event's seat counter goes with it (a re-created event of a reused id then starts from its registrations). */
export const forgetEventSeats: CollectionAfterDeleteHook<Event> = async ({ id, req }) => {
  await req.payload.delete({ collection: 'shared-counters', where: { key: { equals: seatsKey(id) } }, req, overrideAccess: true })
}
