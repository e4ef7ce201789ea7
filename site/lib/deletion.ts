import { confirmDeletionByLink, DELETION_LINK_MESSAGES, type DeletionLinkState, deletionLinkState } from '../../cms/lib/deletionConfirm'
import { DELETION_CONFIRM_HOURS, DELETION_UNCONFIRMED_DAYS } from '../../cms/domain/submissions'
import { payloadClient } from './payload'

export { DELETION_CONFIRM_HOURS, DELETION_LINK_MESSAGES, DELETION_UNCONFIRMED_DAYS, type DeletionLinkState }

/** What a mailed confirmation link stands for, or null for a link that is not valid. */
export async function deletionForConfirmLink(id: string, token: string): Promise<DeletionLinkState | null> {
  return deletionLinkState(await payloadClient(), id, token)
}

/** Confirms a deletion request by the mailed link (after the requester pressed the button). */
export async function confirmDeletion(id: string, token: string): Promise<'confirmed' | 'invalid'> {
  return confirmDeletionByLink(await payloadClient(), id, token)
}
