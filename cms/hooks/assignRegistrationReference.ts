import type { CollectionBeforeChangeHook } from 'payload'

import { newRegistrationReference } from '../lib/registrationReference'
import type { EventRegistration } from '../payload-types'

/**
 * Gives a new registration its reference number (unique index on `reference`); it never changes afterwards,
 * whatever an update sends. A clash of two random references is checked for, though at 40 bits it is not expected.
 */
export const assignRegistrationReference: CollectionBeforeChangeHook<EventRegistration> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'create') return { ...data, reference: originalDoc?.reference ?? data.reference }
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newRegistrationReference()
    const { totalDocs } = await req.payload.count({
      collection: 'event-registrations',
      where: { reference: { equals: reference } },
      overrideAccess: true,
      req,
    })
    if (!totalDocs) return { ...data, reference }
  }
  throw new Error('could not find a free registration reference')
}
