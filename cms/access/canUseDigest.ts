import { isEditorUser, managedOrganisationIds, type UserLike } from '../domain/roles'

/** Whether the user may open the digest view at all (some organisation to show). */
export const canUseDigest = (user: UserLike): boolean => isEditorUser(user) || managedOrganisationIds(user).length > 0
