import {
  CANCEL_MESSAGES,
  type CancellableRegistration,
  cancelRegistrationByLink,
  findRegistrationByLink,
} from '../../cms/lib/registrationCancel'
import { payloadClient } from './payload'

export { CANCEL_MESSAGES, type CancellableRegistration }
export { WAITLIST_ACCEPTED } from '../../cms/hooks/enforceEventCapacity'
export { NEW_ORGANISATION, NO_ORGANISATION, REFERENCE_PATTERN } from '../../cms/domain/submissions'

/** The registration a mailed cancel link stands for, or null for a link that is not valid. */
export async function registrationForCancelLink(id: string, token: string): Promise<CancellableRegistration | null> {
  return findRegistrationByLink(await payloadClient(), id, token)
}

/** Cancels by the mailed link (after the resident confirmed on the page). */
export async function cancelByLink(id: string, token: string): Promise<'cancelled' | 'invalid' | 'started'> {
  return cancelRegistrationByLink(await payloadClient(), id, token)
}
