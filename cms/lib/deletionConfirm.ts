import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import { DELETION_CONFIRM_HOURS } from '../domain/submissions'
import type { DeletionRequest } from '../payload-types'
import { sitePublicUrl } from './publicUrls'
import { signLink, verifyLink } from './signedLinks'

/**
 * Confirmation of a deletion request by the link mailed to the address given: the link names the request and
 * carries a token signed for confirming exactly that one, valid DELETION_CONFIRM_HOURS from the request's arrival
 * (cms/lib/signedLinks.ts). Opening it changes nothing (mail scanners open links); the requester presses the button.
 * Nothing on the page tells whether the portal holds any data for the address.
 */

/** Passed as `context` by whoever may move a request on without staff: the link, or the processing job. */
export type DeletionTransitionContext = { deletionTransition?: 'link' | 'job' }

export const deletionLinkExpiry = (createdAt: string): Date => new Date(new Date(createdAt).getTime() + DELETION_CONFIRM_HOURS * 3_600_000)

export const deletionConfirmUrl = (request: Pick<DeletionRequest, 'id' | 'createdAt'>): string => {
  const token = signLink('confirm-deletion', request.id, { expiresAt: deletionLinkExpiry(request.createdAt) })
  return `${sitePublicUrl()}/privacy/delete/confirm?r=${encodeURIComponent(String(request.id))}&t=${encodeURIComponent(token)}`
}

export const DELETION_LINK_MESSAGES = {
  invalid: `このリンクは使えません。リンクの有効期限（${DELETION_CONFIRM_HOURS}時間）が過ぎたか、リンクが途中で切れている可能性があります。お手数ですが、もう一度削除を依頼してください。`,
} as const

/** 'pending': the button confirms it; 'confirmed': confirmed already (pressing twice is fine). */
export type DeletionLinkState = 'pending' | 'confirmed'

/** Route ids arrive as strings; SQLite ids are numbers. */
const routeId = (payload: Payload, id: string): Id | null => {
  if (!/^[0-9a-f]{1,40}$/i.test(id)) return null
  if (payload.db.defaultIDType === 'number') return /^\d{1,15}$/.test(id) ? Number(id) : null
  return id
}

async function requestByLink(payload: Payload, id: string, token: string, now: number): Promise<DeletionRequest | null> {
  const key = routeId(payload, id)
  if (key === null || !verifyLink('confirm-deletion', key, token, now)) return null
  return (await payload.findByID({
    collection: 'deletion-requests',
    id: key,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    context: { audit: false },
  })) as DeletionRequest | null
}

const stateOf = (request: DeletionRequest | null): DeletionLinkState | null => {
  if (request?.status === 'received') return 'pending'
  if (request?.status === 'verified' || request?.status === 'done') return 'confirmed'
  return null
}

/** What the link stands for, or null when it is not valid (forged, altered, expired, or the request expired or was refused). */
export async function deletionLinkState(payload: Payload, id: string, token: string, now = Date.now()): Promise<DeletionLinkState | null> {
  return stateOf(await requestByLink(payload, id, token, now))
}

/** Confirms the request the link stands for and has it processed soon; 'invalid' when the link is not valid. */
export async function confirmDeletionByLink(
  payload: Payload,
  id: string,
  token: string,
  now = Date.now(),
): Promise<'confirmed' | 'invalid'> {
  const request = await requestByLink(payload, id, token, now)
  const state = stateOf(request)
  if (!request || !state) return 'invalid'
  if (state === 'pending') {
    // The token is the requester's authority here; `status` is otherwise an editors-only field.
    await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      data: { status: 'verified', verification: { method: 'mail' } },
      overrideAccess: true,
      depth: 0,
      context: { channel: 'site', deletionTransition: 'link' } satisfies DeletionTransitionContext & { channel: string },
    })
  }
  return 'confirmed'
}
