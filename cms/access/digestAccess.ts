import { type Id, sameId } from '../domain/ids'
import { isEditorUser, managedOrganisationIds, type UserLike } from '../domain/roles'

export type DigestAccess = 'ok' | 'unauthenticated' | 'forbidden'

/** An organisation's feedback digest: editors and admins read any; an organisation manager only their own. */
export function digestAccess(user: UserLike, organisationId: Id): DigestAccess {
  if (!user || user.collection !== 'users') return 'unauthenticated'
  if (isEditorUser(user)) return 'ok'
  return managedOrganisationIds(user).some((id) => sameId(id, organisationId)) ? 'ok' : 'forbidden'
}
