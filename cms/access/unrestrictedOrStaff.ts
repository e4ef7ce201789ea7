import type { Access, Where } from 'payload'

import { isStaffUser } from '../domain/roles'

const unrestricted: Where = { restricted: { not_equals: true } }

/** Staff see every image; the public only those not restricted (e.g. a photo without consent). */
export const unrestrictedOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : unrestricted)
