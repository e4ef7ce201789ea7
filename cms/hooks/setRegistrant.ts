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
  // The stored values win even when empty: otherwise a coordinator could claim an unregistered record (and its private data).
  return { ...data, registeredBy: originalDoc?.registeredBy ?? null, registeredAt: originalDoc?.registeredAt ?? null }
}
