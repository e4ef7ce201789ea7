import type { FieldAccess } from 'payload'

import { isStaffUser } from '../domain/roles'
import { APPROVED_CHEER_MESSAGE } from '../domain/submissions'

/** A cheer's message is public only after an editor approves it. */
export const approvedMessageOrStaff: FieldAccess = ({ req, doc }) => isStaffUser(req.user) || doc?.messageStatus === APPROVED_CHEER_MESSAGE
