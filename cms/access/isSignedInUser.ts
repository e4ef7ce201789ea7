import type { PayloadRequest } from 'payload'

/** Anyone signed in with a staff account (organisation managers included) may open the admin panel. */
export const isSignedInUser = ({ req }: { req: PayloadRequest }): boolean => req.user?.collection === 'users'
