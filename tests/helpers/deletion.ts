import type { Payload } from 'payload'

import { confirmDeletionByLink, deletionConfirmUrl } from '../../cms/lib/deletionConfirm'
import type { DeletionRequest } from '../../cms/payload-types'

/** The r and t of the link the confirmation mail carries for this request (as cms/mail/compose.ts builds it). */
export function confirmLinkOf(request: Pick<DeletionRequest, 'id' | 'createdAt'>): { r: string; t: string } {
  const url = new URL(deletionConfirmUrl(request))
  return { r: url.searchParams.get('r')!, t: url.searchParams.get('t')! }
}

/** Files a deletion request as the site's form does, then confirms it as the requester would with the mailed link. */
export async function requestConfirmedDeletion(payload: Payload, data: { contact: { email?: string; phone?: string }; note?: string }) {
  const request = (await payload.create({
    collection: 'deletion-requests',
    data: data as never,
    overrideAccess: false,
    context: { channel: 'site' },
    depth: 0,
  })) as DeletionRequest
  const { r, t } = confirmLinkOf(request)
  if ((await confirmDeletionByLink(payload, r, t)) !== 'confirmed') throw new Error('the mailed link did not confirm the request')
  return request
}
