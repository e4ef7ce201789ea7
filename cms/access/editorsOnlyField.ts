import type { FieldAccess } from 'payload'

import { isEditorUser } from '../domain/roles'

/** Fields only editors (and admins) write: featuring, publication decisions, deletion requests. */
export const editorsOnlyField: FieldAccess = ({ req }) => isEditorUser(req.user)
