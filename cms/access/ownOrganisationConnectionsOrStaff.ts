import type { Access, Where } from 'payload'

import { isStaffUser, managedOrganisationIds } from '../domain/roles'

/** Connections are never public: staff read all, an organisation manager those made with their organisations. */
export const ownOrganisationConnectionsOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const ids = managedOrganisationIds(req.user)
  return ids.length ? ({ withOrganisation: { in: ids } } satisfies Where) : false
}
