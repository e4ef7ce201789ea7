import type { Access, Where } from 'payload'

import { hasRole } from './roles'

const publicProfile: Where = {
  and: [{ status: { equals: 'registered' } }, { 'consent.publication': { equals: true } }],
}

/** A citizen's profile is public only when registered and the person consented to publication. */
export const consentedCitizenOrStaff: Access = ({ req }) =>
  hasRole(req.user, 'admin', 'editor', 'coordinator') ? true : publicProfile
