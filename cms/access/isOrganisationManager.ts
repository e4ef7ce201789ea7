import type { Access, Where } from 'payload'

import { hasRole } from './roles'

type UserLike = { collection?: string; roles?: readonly string[] | null; organisations?: unknown } | null | undefined

/** Ids of the organisations a user manages, whether populated or not. */
export const managedOrganisationIds = (user: UserLike): (number | string)[] => {
  if (!hasRole(user, 'organisation') || !Array.isArray(user?.organisations)) return []
  return user.organisations
    .map((o) => (o && typeof o === 'object' ? (o as { id: number | string }).id : (o as number | string)))
    .filter((id) => id !== null && id !== undefined)
}

/** Organisation managers may update their own organisations, and nothing else. */
export const ownOrganisations: Access = ({ req }) => {
  const ids = managedOrganisationIds(req.user)
  return ids.length ? ({ id: { in: ids } } satisfies Where) : false
}
