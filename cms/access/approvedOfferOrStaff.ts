import type { Access, Where } from 'payload'

import { isStaffUser } from '../domain/roles'
import { APPROVED_SUPPORT_OFFER } from '../domain/submissions'

const approved: Where = { status: { equals: APPROVED_SUPPORT_OFFER } }

/** Approved support offers are public (nickname and message); the rest is for staff. */
export const approvedOfferOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : approved)
