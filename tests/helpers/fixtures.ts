import type { Story } from '../../cms/payload-types'

/** A complete consent record (cms/domain/consent.ts): how and when; who entered it is set by the server. */
export const recordedConsent = (
  overrides: { publication?: boolean; photo?: boolean; method?: 'paper' | 'web' | 'in_person'; witness?: string } = {},
) => ({
  publication: true,
  photo: true,
  method: 'paper' as const,
  givenAt: '2026-04-01T00:00:00.000Z',
  ...overrides,
})

/** Minimal editorial story data with the consent of the people in it; the defaults Payload would apply, spelled out. */
export const storyData = (data: Partial<Story> & { title: string }) => ({
  origin: 'editorial' as const,
  reviewStatus: 'received' as const,
  consent: recordedConsent(),
  ...data,
})
