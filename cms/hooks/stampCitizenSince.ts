import type { CollectionBeforeChangeHook } from 'payload'

/** The first time a citizen's status becomes "registered", that day is kept: KPI 2 counts it. */
export const stampCitizenSince: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const since = data.citizenSince ?? originalDoc?.citizenSince
  if (data.status === 'registered' && !since) return { ...data, citizenSince: new Date().toISOString() }
  return data
}
