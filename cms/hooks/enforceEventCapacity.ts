import { APIError, type CollectionBeforeChangeHook } from 'payload'

import type { Event } from '../payload-types'

/**
 * A registration is refused outside the event's registration window, for a cancelled or unpublished
 * event, and when the confirmed party sizes would exceed the capacity. Staff may add people anyway.
 */
export const enforceEventCapacity: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.status === 'cancelled') return data
  const eventId = typeof data.event === 'object' && data.event ? data.event.id : data.event
  const event = (await req.payload.findByID({ collection: 'events', id: eventId, depth: 0, req, overrideAccess: true, disableErrors: true })) as Event | null
  if (!event || event._status !== 'published') throw new APIError('申し込み先のイベントが見つかりません。', 400, null, true)
  if (req.context?.channel !== 'site') return data

  const now = Date.now()
  if (event.cancelled) throw new APIError('このイベントは中止になりました。', 400, null, true)
  if (event.registrationEnabled === false) throw new APIError('このイベントはウェブでの申し込みを受け付けていません。', 400, null, true)
  if (event.registrationOpensAt && now < Date.parse(event.registrationOpensAt)) throw new APIError('申し込みの受付はまだ始まっていません。', 400, null, true)
  const closes = event.registrationClosesAt ?? event.startsAt
  if (closes && now > Date.parse(closes)) throw new APIError('申し込みの受付は終了しました。', 400, null, true)

  if (typeof event.capacity === 'number') {
    const { docs } = await req.payload.find({
      collection: 'event-registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'confirmed' } }] },
      select: { partySize: true },
      pagination: false,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const taken = docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
    if (taken + (data.partySize ?? 1) > event.capacity) {
      throw new APIError(
        taken >= event.capacity ? '定員に達したため、申し込みを締め切りました。' : `残りの席は ${event.capacity - taken} 名分です。人数を減らしてお申し込みください。`,
        409,
        null,
        true,
      )
    }
  }
  return data
}
