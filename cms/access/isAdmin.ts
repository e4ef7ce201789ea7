import type { Access } from 'payload'

import { isAdminUser } from '../domain/roles'

/** Admins only: accounts and settings. */
export const isAdmin: Access = ({ req }) => isAdminUser(req.user)
