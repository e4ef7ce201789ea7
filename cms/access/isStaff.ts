import type { Access } from 'payload'

import { isStaffUser } from '../domain/roles'

/** Editors and coordinators: the people who write and register content. */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
