import type { FieldAccess } from 'payload'

/** Fields any signed-in person may read but the public may not (the API is open to anonymous reads). */
export const signedInField: FieldAccess = ({ req }) => Boolean(req.user)
