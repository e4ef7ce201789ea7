import type { Access } from 'payload'

import { hasRole } from './roles'

/** City PR editors (and admins): all content, moderation and featuring. */
export const isEditor: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')
