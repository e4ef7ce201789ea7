import type { CollectionSlug, Payload, RequestContext, RequiredDataFromCollectionSlug, Where } from 'payload'

import type { Event } from '../../cms/payload-types'
import { recordedConsent } from './fixtures'

type PlanInput = Partial<RequiredDataFromCollectionSlug<'plans'>>
type EventInput = Partial<RequiredDataFromCollectionSlug<'events'>>
type CitizenInput = Partial<RequiredDataFromCollectionSlug<'citizens'>>

/** Whether this run talks to jongodb (the in-memory MongoDB smoke run): some cases skip its known gaps. */
export const onJongodb = process.env.ESUKO_TEST_JONGODB === '1'

const DAY = 24 * 60 * 60 * 1000
export const daysFromNow = (days: number, from = Date.now()): string => new Date(from + days * DAY).toISOString()

/** A resident's submission as the site's form actions make it: no user, access control on, channel 'site'. */
export function submitViaSite<T extends CollectionSlug>(
  payload: Payload,
  collection: T,
  data: Record<string, unknown>,
  context: RequestContext = {},
) {
  return payload.create({ collection, data: data as never, overrideAccess: false, context: { channel: 'site', ...context }, depth: 0 })
}

/** Minimal plan data with the proposer's recorded consent (plans have no photos); status and contact are left to the caller. */
export const planData = (overrides: PlanInput = {}) =>
  ({
    kind: 'want_to_try' as const,
    title: 'テストのプラン',
    description: '近所の子どもたちと一緒に畑をやってみたい。',
    town: '木次町' as const,
    consent: { publication: true, method: 'paper' as const, givenAt: '2026-04-01T00:00:00.000Z' },
    ...overrides,
  }) as RequiredDataFromCollectionSlug<'plans'>

/** A published event open for registration now, starting in 30 days. */
export const eventData = (overrides: EventInput = {}) =>
  ({
    kind: 'furumai' as const,
    title: 'えすこなふるまい市（テスト）',
    startsAt: daysFromNow(30),
    town: '木次町' as const,
    registrationOpensAt: daysFromNow(-1),
    _status: 'published' as const,
    ...overrides,
  }) as RequiredDataFromCollectionSlug<'events'>

export async function createEvent(payload: Payload, overrides: EventInput = {}): Promise<Event> {
  return payload.create({ collection: 'events', data: eventData(overrides), draft: overrides._status === 'draft' })
}

/** A citizen with private data; registered and consenting unless the caller says otherwise. */
export const citizenData = (overrides: CitizenInput = {}): RequiredDataFromCollectionSlug<'citizens'> => ({
  displayName: '山王寺の佐藤さん',
  town: '大東町' as const,
  intro: '朝の見守りをしています',
  status: 'registered' as const,
  consent: recordedConsent({ photo: false }),
  private: { legalName: '佐藤 花子', email: 'hanako.sato@example.jp', phone: '0854-00-1234' },
  ...overrides,
})

/** A tiny valid PNG (1×1), enough for an upload in Media. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export async function createPhoto(payload: Payload) {
  return payload.create({
    collection: 'media',
    data: { alt: '畑で笑う人' },
    file: { data: PNG_1x1, mimetype: 'image/png', name: `photo-${Math.random().toString(36).slice(2, 8)}.png`, size: PNG_1x1.length },
  })
}

export async function countParticipants(payload: Payload, where?: Where): Promise<number> {
  return (await payload.count({ collection: 'participants', where, overrideAccess: true })).totalDocs
}

/** All audit entries (optionally filtered), oldest first. */
export async function auditEntries(payload: Payload, where?: Where) {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where,
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}
