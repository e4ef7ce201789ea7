import type { FieldAccess } from 'payload'

import { isStaffUser } from '../domain/roles'

/** Fields only staff (editors, admins, coordinators) read or write: moderation state, internal notes. */
export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
