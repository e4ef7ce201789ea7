import type { Access, FieldAccess } from 'payload'

import { hasRole } from '../domain/roles'

/** Admins only (accounts and settings); the field form guards fields such as a user's roles. */
export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
