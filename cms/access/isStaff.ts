import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and coordinators: the people who write and register content. */
export const isStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'coordinator')
