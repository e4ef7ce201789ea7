import type { Story } from '../../cms/payload-types'

/** Minimal editorial story data; the defaults Payload would apply, spelled out for the types. */
export const storyData = (data: Partial<Story> & { title: string }) => ({
  origin: 'editorial' as const,
  reviewStatus: 'received' as const,
  ...data,
})
