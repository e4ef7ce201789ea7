import type { CollectionBeforeChangeHook } from 'payload'

/** On create, records who registered the document and when; never changed afterwards. */
export const setRegistrant: CollectionBeforeChangeHook = ({ data, operation, req, originalDoc }) => {
  if (operation === 'create') {
    return {
      ...data,
      registeredBy: data.registeredBy ?? (req.user?.collection === 'users' ? req.user.id : undefined),
      registeredAt: data.registeredAt ?? new Date().toISOString(),
    }
  }
  return { ...data, registeredBy: originalDoc?.registeredBy ?? data.registeredBy, registeredAt: originalDoc?.registeredAt ?? data.registeredAt }
}
