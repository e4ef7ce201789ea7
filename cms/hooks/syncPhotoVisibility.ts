import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../domain/ids'
import type { Citizen } from '../payload-types'

/** A citizen's photo file is public only with photo consent: the media document follows the consent. */
export const syncPhotoVisibility: CollectionAfterChangeHook<Citizen> = async ({ doc, previousDoc, req }) => {
  const photo = idOf(doc.photo)
  const restricted = !doc.consent?.photo
  if (photo !== null && photo !== undefined) {
    await req.payload.update({ collection: 'media', id: photo, data: { restricted }, req, overrideAccess: true, depth: 0 })
  }
  // A photo replaced or removed keeps no public trace of a person who has not consented.
  const before = idOf(previousDoc?.photo)
  if (before !== null && before !== undefined && String(before) !== String(photo)) {
    await req.payload.update({ collection: 'media', id: before, data: { restricted: true }, req, overrideAccess: true, depth: 0 })
  }
  return doc
}
