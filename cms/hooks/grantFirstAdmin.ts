import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '../payload-types'

/**
 * New accounts get no role (least privilege), but the very first account of an empty database — the one made on
 * the admin's 「最初のユーザーを作成」 page — would then lock everyone out: it alone becomes the administrator when
 * it was given no role. Every later account waits for an admin to choose.
 */
export const grantFirstAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.roles?.length) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
