import type { Access, Where } from 'payload'

import { managedOrganisationIds } from '../domain/roles'

/** Organisation managers may update their own organisations, and nothing else. */
export const ownOrganisations: Access = ({ req }) => {
  const ids = managedOrganisationIds(req.user)
  return ids.length ? ({ id: { in: ids } } satisfies Where) : false
}
