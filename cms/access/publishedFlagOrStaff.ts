import type { Access } from 'payload'

import { hasRole } from './roles'

/** For collections with a `published` checkbox: staff read all, everyone else only published documents. */
export const publishedFlagOrStaff: Access = ({ req }) =>
  hasRole(req.user, 'admin', 'editor', 'coordinator') ? true : { published: { equals: true } }
