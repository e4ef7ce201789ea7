import type { Access, Where } from 'payload'

import { isStaffUser } from '../domain/roles'

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything; everyone else gets a filter that admits only published documents. */
export const publishedOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : published)
