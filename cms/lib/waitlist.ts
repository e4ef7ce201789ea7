import type { Payload } from 'payload'

import { type Id, idOf } from '../domain/ids'
import { WAITLISTED } from '../domain/submissions'
import { confirmedSeats, seatsKey } from '../hooks/enforceEventCapacity'
import type { Event, EventRegistration } from '../payload-types'
import { adjustCounter, claimCounter } from './sharedCounters'

/**
 * The waiting list of an event: when seats come free, the oldest waitlisted registrations that fit are confirmed.
 * Two site processes and the admin may free seats at the same moment, so nothing here trusts what it read:
 * - a registration is promoted by one caller only: its promotion token (`promote:<id>`, a shared counter that may
 *   only go from 0 to 1) is taken with one conditional update, and only whoever took it goes on;
 * - its seats are claimed against the capacity with the same conditional statement a new registration uses, so
 *   promotions and new registrations together never exceed the capacity;
 * - the status is re-read after both, and the seats given back if it is no longer waitlisted.
 * The status change carries SEATS_CLAIMED_BY_PROMOTION, so the seat hook does not count the seats twice; its mail
 * hook then tells the resident (cms/hooks/queueRegistrationMail.ts).
 */
export const SEATS_CLAIMED_BY_PROMOTION = 'esukoSeatsClaimedByPromotion'

const tokenKey = (id: Id) => `promote:${id}`

// A registration another caller is promoting at this moment is waited for, never passed over: passing it would
// give a younger registration the seat it may not get (three seats freed at once, three promoters racing). Bounded:
// the hooks that promote wait for it.
const BUSY_RETRY_MS = 50
const BUSY_RETRIES = 20

/** Promotes what fits of the event's waiting list, oldest first; returns the ids promoted. */
export async function promoteWaitlisted(payload: Payload, eventId: Id, now = new Date()): Promise<Id[]> {
  const event = (await payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  if (!event || event.cancelled || new Date(event.startsAt) <= now) return []
  const capacity = typeof event.capacity === 'number' ? event.capacity : null
  const promoted: Id[] = []
  for (let attempt = 0; attempt <= BUSY_RETRIES; attempt++) {
    let busy = false
    for (const candidate of await waitingList(payload, eventId)) {
      const outcome = await promoteOne(payload, event.id, candidate.id, capacity)
      if (outcome === 'promoted') promoted.push(candidate.id)
      // Another caller holds this one: stop here, read the list again in a moment. On the last try pass it (a token
      // left held by a process that died mid-promotion must not block everyone behind it).
      if (outcome === 'busy' && attempt < BUSY_RETRIES) {
        busy = true
        break
      }
    }
    if (!busy) break
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS))
  }
  return promoted
}

/** The event's waitlisted registrations, oldest first. */
async function waitingList(payload: Payload, eventId: Id): Promise<{ id: Id; createdAt: string }[]> {
  const { docs } = await payload.find({
    collection: 'event-registrations',
    where: { and: [{ event: { equals: eventId } }, { status: { equals: WAITLISTED } }] },
    select: { createdAt: true },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  // MongoDB may return equal timestamps in any order: the id breaks the tie the same way on both databases, in
  // creation order (SQLite's ids are numbers; MongoDB's ObjectIds are hex strings of a fixed length).
  return docs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || compareIds(a.id, b.id))
}

const compareIds = (a: Id, b: Id): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0

type Outcome = 'promoted' | 'skipped' | 'busy'

async function promoteOne(payload: Payload, eventId: Id, id: Id, capacity: number | null): Promise<Outcome> {
  const token = tokenKey(id)
  // The token is a counter that may only go from 0 to 1: one conditional update, whichever process sends it.
  if (!(await holdPromotion(payload, id))) return 'busy'
  let done = false
  try {
    const fresh = (await payload.findByID({
      collection: 'event-registrations',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as EventRegistration | null
    if (fresh?.status !== WAITLISTED || String(idOf(fresh.event)) !== String(eventId)) return 'skipped'
    const seats = fresh.partySize ?? 1
    if ((await claimCounter(payload, seatsKey(eventId), seats, capacity, () => confirmedSeats(payload, eventId))) === null) return 'skipped'
    await payload.update({
      collection: 'event-registrations',
      id,
      data: { status: 'confirmed' },
      overrideAccess: true,
      depth: 0,
      context: { [SEATS_CLAIMED_BY_PROMOTION]: id },
    })
    done = true
    return 'promoted'
  } finally {
    // A promoted registration keeps its token (it is not waitlisted any more); any other outcome frees it.
    if (!done) await adjustCounter(payload, token, -1)
  }
}

/**
 * Takes a waitlisted registration's promotion token for a change that must not meet a promotion half-way (the
 * resident leaving the waiting list). False while a promotion holds it or after one happened.
 */
export const holdPromotion = async (payload: Payload, id: Id): Promise<boolean> =>
  (await claimCounter(payload, tokenKey(id), 1, 1, async () => 0)) !== null

/** A registration put back on the waiting list (by staff) may be promoted again. */
export const resetPromotionToken = (payload: Payload, id: Id): Promise<void> => adjustCounter(payload, tokenKey(id), -1)

/** A deleted registration's promotion token goes with it. */
export const forgetPromotionToken = async (payload: Payload, id: Id): Promise<void> => {
  await payload.delete({ collection: 'shared-counters', where: { key: { equals: tokenKey(id) } }, overrideAccess: true })
}
