import type { Access, Where } from 'payload'

import { hasRole } from './roles'

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything; everyone else gets a filter that admits only published documents. */
export const publishedOrStaff: Access = ({ req }) =>
  hasRole(req.user, 'admin', 'editor', 'coordinator') ? true : published
