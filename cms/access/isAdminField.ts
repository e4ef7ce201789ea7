import type { FieldAccess } from 'payload'

import { isAdminUser } from '../domain/roles'

/** Fields only admins write, such as a user's roles and organisations. */
export const isAdminField: FieldAccess = ({ req }) => isAdminUser(req.user)
