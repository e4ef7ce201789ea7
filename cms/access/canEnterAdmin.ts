import type { PayloadRequest } from 'payload'

import { ACCOUNTS, hasRole } from '../domain/roles'

/** Who may open the admin: an account with a role. A new account has none until an admin chooses one. */
export const canEnterAdmin = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, ...ACCOUNTS)
