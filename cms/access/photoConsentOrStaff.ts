import type { FieldAccess } from 'payload'

import { isStaffUser } from '../domain/roles'

/** A citizen's photo is public only with photo consent; staff always see it. */
export const photoConsentOrStaff: FieldAccess = ({ req, doc }) => isStaffUser(req.user) || Boolean(doc?.consent?.photo)
