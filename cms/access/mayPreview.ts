import { type Id, sameId } from '../domain/ids'
import { isStaffUser, managedOrganisationIds, type UserLike } from '../domain/roles'
import type { PreviewCollection } from '../lib/previewLinks'

/**
 * Who may open a preview link of a document: staff, for every previewed collection; an organisation manager
 * only for the organisations on their account (they edit those profiles), never a story, plan, event or citizen.
 */
export const mayPreview = (user: UserLike, collection: PreviewCollection, id: Id): boolean =>
  isStaffUser(user) || (collection === 'organisations' && managedOrganisationIds(user).some((own) => sameId(own, id)))
