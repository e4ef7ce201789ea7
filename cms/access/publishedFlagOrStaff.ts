import type { Access } from 'payload'

import { isStaffUser } from '../domain/roles'

/** For collections with a `published` checkbox: staff read all, everyone else only published documents. */
export const publishedFlagOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : { published: { equals: true } })
