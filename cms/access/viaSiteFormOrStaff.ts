import type { Access } from 'payload'

import { isStaffUser } from '../domain/roles'

/**
 * Residents have no accounts: their submissions arrive only through the site's form actions, which call
 * the Local API with `context.channel = 'site'` and access control on. REST and GraphQL cannot set
 * context, so the public API stays closed to anonymous writes.
 */
export const viaSiteFormOrStaff: Access = ({ req }) => req.context?.channel === 'site' || isStaffUser(req.user)
