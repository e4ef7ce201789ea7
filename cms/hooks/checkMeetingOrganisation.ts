import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../domain/ids'
import { MEETING_EVENT_KIND } from '../domain/options'
import type { Event, EventRegistration } from '../payload-types'

export const MEETING_ORGANISATION_MESSAGES = {
  missing: '参加する団体を一覧から選ぶか、団体名を入力してください（団体に属さない方は「個人として参加」を選んでください）。',
  unknown: '選ばれた団体が見つかりません。一覧から選び直すか、団体名を入力してください。',
  both: '団体は、一覧から選ぶか名前を入力するか、どちらか一つにしてください。',
} as const

/**
 * A resident registering for a 共助会議 says which organisation they represent (KPI 6 counts organisations of
 * those who attended): one from the public list, a new name for staff to confirm (`pendingOrganisationName`;
 * staff then set `organisation`), or none. Other events take no organisation from the site.
 */
export const checkMeetingOrganisation: CollectionBeforeChangeHook<EventRegistration> = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.context?.channel !== 'site') return data
  const event = (await req.payload.findByID({
    collection: 'events',
    id: idOf(data.event)!,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Event | null
  if (event?.kind !== MEETING_EVENT_KIND) return { ...data, organisation: null, pendingOrganisationName: null, individual: false }

  const organisation = idOf(data.organisation)
  const pending = data.pendingOrganisationName?.trim() || null
  const chosen = [organisation !== null, Boolean(pending), data.individual === true].filter(Boolean).length
  if (chosen === 0) throw new APIError(MEETING_ORGANISATION_MESSAGES.missing, 400, null, true)
  if (chosen > 1) throw new APIError(MEETING_ORGANISATION_MESSAGES.both, 400, null, true)
  if (organisation !== null) {
    // Only organisations the public can see: a hidden id in the form must not reach an unpublished one.
    const { totalDocs } = await req.payload.count({
      collection: 'organisations',
      where: { id: { equals: organisation } },
      overrideAccess: false,
      req,
    })
    if (!totalDocs) throw new APIError(MEETING_ORGANISATION_MESSAGES.unknown, 400, null, true)
  }
  return { ...data, organisation, pendingOrganisationName: pending, individual: data.individual === true }
}
