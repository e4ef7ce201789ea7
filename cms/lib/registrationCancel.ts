import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import { idOf } from '../domain/ids'
import type { Event, EventRegistration } from '../payload-types'
import { sitePublicUrl } from './publicUrls'
import { holdPromotion, resetPromotionToken } from './waitlist'
import { signLink, verifyLink } from './signedLinks'

/**
 * Cancellation by the link in the registration mail: the link names the registration and carries a token
 * signed for cancelling exactly that one (cms/lib/signedLinks.ts). The page shows what will be cancelled and
 * cancels only after the resident presses the button (mail scanners open links; a GET never changes anything).
 */

export const registrationCancelUrl = (id: Id): string =>
  `${sitePublicUrl()}/registrations/cancel?r=${encodeURIComponent(String(id))}&t=${encodeURIComponent(signLink('cancel-registration', id))}`

export type CancellableRegistration = {
  id: Id
  reference: string | null
  nickname: string
  partySize: number
  eventTitle: string
  eventSlug: string | null
  startsAt: string
  /** 'confirmed' and 'waitlisted' can be cancelled by the link. */
  state: 'confirmed' | 'waitlisted' | 'cancelled' | 'started'
}

export const CANCEL_MESSAGES = {
  invalid: 'このリンクは使えません。メールに書かれたリンクをそのまま開いてください。わからない場合は、担当者までご連絡ください。',
  started: 'このイベントはすでに始まっているため、ウェブでは取り消せません。担当者までご連絡ください。',
} as const

/** Route ids arrive as strings; SQLite ids are numbers. */
const routeId = (payload: Payload, id: string): Id | null => {
  if (!/^[0-9a-f]{1,40}$/i.test(id)) return null
  if (payload.db.defaultIDType === 'number') return /^\d{1,15}$/.test(id) ? Number(id) : null
  return id
}

/** The registration the link stands for, or null when the link is not valid (forged, altered, or its record gone). */
export async function findRegistrationByLink(
  payload: Payload,
  id: string,
  token: string,
  now = new Date(),
): Promise<CancellableRegistration | null> {
  const key = routeId(payload, id)
  if (key === null || !verifyLink('cancel-registration', key, token)) return null
  const registration = (await payload.findByID({
    collection: 'event-registrations',
    id: key,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as EventRegistration | null
  const eventId = idOf(registration?.event)
  if (!registration || eventId === null) return null
  const event = (await payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  if (!event) return null
  const state =
    registration.status === 'cancelled'
      ? 'cancelled'
      : new Date(event.startsAt) <= now || registration.status === 'attended'
        ? 'started'
        : registration.status === 'waitlisted'
          ? 'waitlisted'
          : 'confirmed'
  return {
    id: registration.id,
    reference: registration.reference ?? null,
    nickname: registration.nickname,
    partySize: registration.partySize ?? 1,
    eventTitle: event.title,
    eventSlug: event.slug ?? null,
    startsAt: event.startsAt,
    state,
  }
}

/**
 * Cancels the registration the link stands for. 'cancelled' also when it already was (pressing twice is fine);
 * 'invalid' or 'started' when it cannot be done, with CANCEL_MESSAGES saying why.
 */
export async function cancelRegistrationByLink(
  payload: Payload,
  id: string,
  token: string,
  now = new Date(),
): Promise<'cancelled' | 'invalid' | 'started'> {
  let registration = await findRegistrationByLink(payload, id, token, now)
  // Leaving the waiting list takes the promotion token first, so a promotion running in another process cannot
  // confirm the registration after it was cancelled. While one holds it, its outcome is waited for (moments).
  for (let attempt = 0; registration?.state === 'waitlisted' && attempt < 20; attempt++) {
    if (await holdPromotion(payload, registration.id)) break
    await new Promise((resolve) => setTimeout(resolve, 100))
    registration = await findRegistrationByLink(payload, id, token, now)
  }
  if (!registration) return 'invalid'
  if (registration.state === 'started') return 'started'
  if (registration.state === 'confirmed' || registration.state === 'waitlisted') {
    // The token is the resident's authority here; `status` is otherwise a staff-only field. Freed seats go to the
    // waiting list (cms/hooks/enforceEventCapacity.ts), and the resident gets a cancellation mail.
    const { id: key, state } = registration
    await payload
      .update({
        collection: 'event-registrations',
        id: key,
        data: { status: 'cancelled' },
        overrideAccess: true,
        context: { channel: 'site' },
        depth: 0,
      })
      // Not cancelled after all: a waitlisted registration stays promotable.
      .catch(async (error) => {
        if (state === 'waitlisted') await resetPromotionToken(payload, key)
        throw error
      })
  }
  return 'cancelled'
}
