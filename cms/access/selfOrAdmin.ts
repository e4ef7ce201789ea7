import type { Access } from 'payload'

import { hasRole } from '../domain/roles'

/** Admins see every account; anyone else only their own. */
export const selfOrAdmin: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
