import type { Access } from 'payload'

import { isAdminUser } from '../domain/roles'

/** Admins see every account; anyone else only their own. */
export const selfOrAdmin: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
