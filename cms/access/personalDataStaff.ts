import type { FieldAccess } from 'payload'

import { isStaffUser } from '../domain/roles'

/** Contact groups: editors (and admins) read and write personal data; coordinators too, where their work needs it. */
export const personalDataStaff: FieldAccess = ({ req }) => isStaffUser(req.user)
