import type { Access, Where } from 'payload'

import { PUBLIC_CITIZEN_STATUS } from '../domain/citizens'
import { isStaffUser } from '../domain/roles'

const publicProfile: Where = {
  and: [{ status: { equals: PUBLIC_CITIZEN_STATUS } }, { 'consent.publication': { equals: true } }],
}

/** A citizen's profile is public only when registered and the person consented to publication. */
export const consentedCitizenOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : publicProfile)
