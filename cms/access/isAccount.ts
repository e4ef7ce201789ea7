import type { Access } from 'payload'

import { ACCOUNTS, hasRole } from '../domain/roles'

/** Any staff account, organisation managers included (e.g. a manager uploading their logo). */
export const isAccount: Access = ({ req }) => hasRole(req.user, ...ACCOUNTS)
