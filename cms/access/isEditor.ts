import type { Access } from 'payload'

import { isEditorUser } from '../domain/roles'

/** City PR editors (and admins): all content, moderation and featuring. */
export const isEditor: Access = ({ req }) => isEditorUser(req.user)
