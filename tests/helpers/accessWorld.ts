import { randomBytes } from 'node:crypto'

import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import type { Role } from '../../cms/domain/roles'
import { PERSONAL_DATA, type PersonalGroup as DeclaredGroup, personalGroup } from '../../cms/domain/personalData'
import type { User } from '../../cms/payload-types'
import { recordedConsent } from './fixtures'

/**
 * A small world for access tests: one user per role (plus a second coordinator), and of every collection
 * one document the public may see and one it may not, with every personal field filled with a value that
 * is unique to this run, so a test can look for it anywhere in a response.
 */

export const ACTORS = ['anonymous', 'organisation', 'coordinator', 'editor', 'admin'] as const
export type Actor = (typeof ACTORS)[number]

export const COLLECTIONS = [
  'stories',
  'citizens',
  'connections',
  'plans',
  'support-offers',
  'events',
  'event-registrations',
  'organisations',
  'cheers',
  'survey-responses',
  'participants',
  'media',
  'deletion-requests',
  'users',
  'audit-log',
  'kpi-tallies',
  'redirects',
] as const satisfies readonly CollectionSlug[]
export type Slug = (typeof COLLECTIONS)[number]

export type Id = number | string
export type TestUser = User & { collection: 'users' }
export const PASSWORD = 'test-password-123'

/** A tiny valid PNG (1×1) for uploads. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
export const pngFile = () => ({ data: PNG, mimetype: 'image/png', name: `t-${randomBytes(4).toString('hex')}.png`, size: PNG.length })

const run = randomBytes(3).toString('hex')
let counter = 0
const next = () => `${run}${(counter++).toString().padStart(3, '0')}`
/** A unique, valid e-mail address that marks personal data. */
export const secretEmail = (tag: string) => `leak-${tag}-${next()}@secret.example`
/** A unique, valid phone number (digits only, so it survives the phone validator). */
export const secretPhone = () => `0854-9${String(counter++).padStart(2, '0')}-${String(Math.floor(Math.random() * 9000) + 1000)}`
/** A unique marker for free-text personal fields. */
export const secretText = (tag: string) => `SECRET-${tag}-${next()}`

/** The personal groups of the issue, with who may read them (field-level access, per document). */
export type PersonalGroup = {
  slug: Slug
  /** top-level field path */
  path: string
  /** the sub-fields a test compares (strings hold a unique secret) */
  fields: string[]
  readers: (actor: Actor, registrant: 'coordinator' | 'other' | undefined) => boolean
}
const staff = (a: Actor) => a === 'coordinator' || a === 'editor' || a === 'admin'
const editors = (a: Actor) => a === 'editor' || a === 'admin'

const READERS: Record<DeclaredGroup['readers'], PersonalGroup['readers']> = {
  staff,
  editors,
  registrant: (a, r) => editors(a) || (a === 'coordinator' && r === 'coordinator'),
}

/** Every declared personal group (cms/domain/personalData.ts), plus citizens' staff-only fields beside them. */
export const PERSONAL_GROUPS: PersonalGroup[] = [
  ...PERSONAL_DATA.map((g) => ({ slug: g.collection as Slug, path: g.group, fields: Object.keys(g.fields), readers: READERS[g.readers] })),
  { slug: 'citizens', path: 'consent', fields: ['method', 'givenAt', 'enteredBy'], readers: staff },
  { slug: 'citizens', path: 'registeredBy', fields: [], readers: staff },
  { slug: 'citizens', path: 'registeredAt', fields: [], readers: staff },
]

export type World = {
  payload: Payload
  users: Record<Exclude<Actor, 'anonymous'>, TestUser> & { otherCoordinator: TestUser; spare: TestUser }
  tokens: Record<Actor, string | undefined>
  /** per collection: a document everyone may read (when there is one) and one the public may not */
  docs: Record<Slug, { visible?: Id; hidden: Id }>
  /** extra documents the privacy tests use */
  extra: {
    storyDraft: Id
    storyPublishedWithDraft: Id
    draftTitle: string
    eventDraftTitle: string
    ownOrganisation: Id
    otherOrganisation: Id
  }
  /** every secret string, by collection */
  secrets: Record<string, string[]>
  /** which coordinator registered each citizen: the world's coordinator or the other one */
  registrantOf: Record<string, 'coordinator' | 'other'>
}

const ids = <T extends { id: Id }>(doc: T) => doc.id

async function makeUser(payload: Payload, role: Role, extra: Record<string, unknown> = {}): Promise<TestUser> {
  const user = await payload.create({
    collection: 'users',
    data: { email: `${role}-${next()}@test.example`, name: `${role} テスト`, roles: [role], password: PASSWORD, ...extra } as never,
  })
  return { ...user, collection: 'users' } as TestUser
}

export async function login(payload: Payload, user: TestUser): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })
  return token!
}

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** Builds the world with access control off (as seed or server code would). */
export async function buildWorld(payload: Payload): Promise<World> {
  const secrets: Record<string, string[]> = {}
  const keep = (slug: string, ...values: string[]) => {
    ;(secrets[slug] ??= []).push(...values)
    return values
  }
  /**
   * Every field of a declared personal group (cms/domain/personalData.ts) filled: a unique secret in each text,
   * so a leak of any of them shows; a plain value where the field takes a number or a date.
   */
  const personal = (slug: Slug, group: string): Record<string, unknown> => {
    const built = payload.collections[slug].config.flattenedFields.find((f) => f.name === group) as { flattenedFields: FlattenedField[] }
    const typeOf = (name: string) => built.flattenedFields.find((f) => f.name === name)?.type
    const value = (name: string, kind: string): unknown => {
      if (kind === 'email') return keep(slug, secretEmail(slug))[0]
      if (kind === 'phone') return keep(slug, secretPhone())[0]
      if (kind === 'consentAt' || typeOf(name) === 'date') return new Date().toISOString()
      if (typeOf(name) === 'number') return 1937
      return keep(slug, secretText(name))[0]
    }
    return Object.fromEntries(Object.entries(personalGroup(slug, group).fields).map(([name, kind]) => [name, value(name, kind)]))
  }

  const mediaVisible = await payload.create({ collection: 'media', data: { alt: '公開の写真' }, file: pngFile() })
  const mediaHidden = await payload.create({ collection: 'media', data: { alt: '別の写真' }, file: pngFile() })

  const ownOrganisation = await payload.create({
    collection: 'organisations',
    data: { name: '自分の団体', kind: 'npo', published: true, verified: false, summary: '最初の紹介' } as never,
  })
  const otherOrganisation = await payload.create({
    collection: 'organisations',
    data: { name: 'よその団体', kind: 'jichi', published: false } as never,
  })

  const users = {
    organisation: await makeUser(payload, 'organisation', { organisations: [ownOrganisation.id] }),
    coordinator: await makeUser(payload, 'coordinator'),
    editor: await makeUser(payload, 'editor'),
    admin: await makeUser(payload, 'admin'),
    otherCoordinator: await makeUser(payload, 'coordinator'),
    spare: await makeUser(payload, 'editor'),
  }

  // Registered through the Local API as the coordinator, so registeredBy is theirs.
  const citizenVisible = await payload.create({
    collection: 'citizens',
    user: users.coordinator,
    data: {
      displayName: '公開の市民',
      town: '大東町',
      status: 'registered',
      consent: { publication: true, photo: true, method: 'paper', givenAt: new Date().toISOString(), enteredBy: users.coordinator.id },
      photo: mediaVisible.id,
      private: personal('citizens', 'private'),
    } as never,
  })
  const hiddenCitizenName = `非公開の市民-${next()}`
  keep('citizens-hidden', hiddenCitizenName)
  const citizenHidden = await payload.create({
    collection: 'citizens',
    user: users.otherCoordinator,
    data: {
      displayName: hiddenCitizenName,
      town: '木次町',
      status: 'candidate',
      consent: {
        publication: false,
        photo: false,
        method: 'in_person',
        givenAt: new Date().toISOString(),
        enteredBy: users.otherCoordinator.id,
      },
      private: personal('citizens', 'private'),
    } as never,
  })

  const planVisible = await payload.create({
    collection: 'plans',
    data: {
      kind: 'want_to_try',
      title: '公開のプラン',
      description: '畑をやってみたい',
      town: '大東町',
      status: 'published',
      proposer: citizenHidden.id,
      consent: { publication: true, method: 'paper', givenAt: new Date().toISOString() },
      proposerContact: personal('plans', 'proposerContact'),
    } as never,
  })
  const planHidden = await payload.create({
    collection: 'plans',
    data: {
      kind: 'challenge',
      title: '受付中のプラン',
      description: 'まだ非公開',
      town: '木次町',
      status: 'received',
      proposerContact: personal('plans', 'proposerContact'),
    } as never,
  })

  const offerVisible = await payload.create({
    collection: 'support-offers',
    data: {
      plan: planVisible.id,
      kind: 'help',
      nickname: '応援さん',
      message: '手伝えます',
      status: 'approved',
      contact: personal('support-offers', 'contact'),
    } as never,
  })
  const offerHidden = await payload.create({
    collection: 'support-offers',
    data: {
      plan: planVisible.id,
      kind: 'cheer',
      nickname: '確認待ちさん',
      status: 'received',
      contact: personal('support-offers', 'contact'),
    } as never,
  })

  const eventVisible = await payload.create({
    collection: 'events',
    data: {
      kind: 'furumai',
      title: '公開のイベント',
      startsAt: soon(30),
      town: '大東町',
      registrationOpensAt: soon(-1),
      showcasedCitizens: [citizenVisible.id, citizenHidden.id],
      _status: 'published',
    } as never,
  })
  const eventDraftTitle = secretText('event-draft')
  keep('drafts', eventDraftTitle)
  const eventHidden = await payload.create({
    collection: 'events',
    draft: true,
    data: { kind: 'kaigi', title: eventDraftTitle, startsAt: soon(40), town: '木次町', _status: 'draft' } as never,
  })

  const registrationNickname = secretText('registrant')
  keep('event-registrations', registrationNickname)
  const registration = await payload.create({
    collection: 'event-registrations',
    data: {
      event: eventVisible.id,
      nickname: registrationNickname,
      partySize: 2,
      town: '大東町',
      contact: personal('event-registrations', 'contact'),
    } as never,
  })

  const connectionVisible = await payload.create({
    collection: 'connections',
    data: {
      citizen: citizenVisible.id,
      withOrganisation: ownOrganisation.id,
      connectedAt: new Date().toISOString(),
      connectedAt_tz: 'Asia/Tokyo',
      origin: 'activity',
      town: '大東町',
    } as never,
  })
  const connectionHidden = await payload.create({
    collection: 'connections',
    data: {
      citizen: citizenHidden.id,
      withOther: '近所の高校生',
      connectedAt: new Date().toISOString(),
      connectedAt_tz: 'Asia/Tokyo',
      origin: 'event',
      town: '木次町',
      howItCameAbout: keep('connections', secretText('how'))[0],
    } as never,
  })

  const story = (title: string, extra: Record<string, unknown>) => ({
    title,
    origin: 'resident',
    // A resident's story is public only once reviewed and with the consent of those in it.
    reviewStatus: extra._status === 'published' ? 'approved' : 'received',
    consent: recordedConsent(),
    citizens: [citizenVisible.id, citizenHidden.id],
    organisations: [ownOrganisation.id, otherOrganisation.id],
    relatedPlan: planHidden.id,
    relatedEvent: eventHidden.id,
    submission: personal('stories', 'submission'),
    ...extra,
  })
  const storyVisible = await payload.create({ collection: 'stories', data: story('公開のストーリー', { _status: 'published' }) as never })
  const draftTitle = secretText('story-draft')
  keep('drafts', draftTitle)
  const storyDraft = await payload.create({ collection: 'stories', draft: true, data: story(draftTitle, { _status: 'draft' }) as never })
  const storyPublishedWithDraft = await payload.create({
    collection: 'stories',
    data: story('公開後に下書きあり', { _status: 'published' }) as never,
  })
  const newerDraftTitle = secretText('newer-draft')
  keep('drafts', newerDraftTitle)
  await payload.update({
    collection: 'stories',
    id: storyPublishedWithDraft.id,
    draft: true,
    data: { title: newerDraftTitle, lead: newerDraftTitle, _status: 'draft' } as never,
  })

  const pendingMessage = secretText('pending-cheer')
  keep('cheers', pendingMessage)
  const cheerVisible = await payload.create({
    collection: 'cheers',
    data: { story: storyVisible.id, message: 'すてき', messageStatus: 'approved' } as never,
  })
  const cheerHidden = await payload.create({ collection: 'cheers', data: { citizen: citizenHidden.id, message: pendingMessage } as never })

  const survey = await payload.create({ collection: 'survey-responses', data: { answer: '4', town: '大東町', ageBand: '60s' } as never })
  const deletion = await payload.create({
    collection: 'deletion-requests',
    data: { note: '消してください', contact: personal('deletion-requests', 'contact') } as never,
  })

  const participant = (await payload.find({ collection: 'participants', limit: 1, depth: 0 })).docs[0]
  const audit = (await payload.find({ collection: 'audit-log', limit: 1, depth: 0 })).docs[0]
  if (!participant || !audit) throw new Error('the hooks did not write participants or audit entries')
  // A bucket of a year no test writes to, so no recount replaces this row while the matrix runs.
  const tally = await payload.create({
    collection: 'kpi-tallies',
    data: { bucket: 'cheers:2020:0', metric: 'cheers', fiscalYear: 2020, month: 0, countedAt: Date.now(), data: { total: 0 } },
  })

  // An editor's own redirect (old addresses hold nothing personal: everyone reads them).
  const redirect = await payload.create({ collection: 'redirects', data: { from: `/stories/old-${next()}`, to: '/stories' } })

  const tokens = { anonymous: undefined } as Record<Actor, string | undefined>
  for (const actor of ACTORS) if (actor !== 'anonymous') tokens[actor] = await login(payload, users[actor])

  return {
    payload,
    users,
    tokens,
    secrets,
    docs: {
      stories: { visible: storyVisible.id, hidden: storyDraft.id },
      citizens: { visible: citizenVisible.id, hidden: citizenHidden.id },
      connections: { visible: connectionVisible.id, hidden: connectionHidden.id },
      plans: { visible: planVisible.id, hidden: planHidden.id },
      'support-offers': { visible: offerVisible.id, hidden: offerHidden.id },
      events: { visible: eventVisible.id, hidden: eventHidden.id },
      'event-registrations': { hidden: registration.id },
      organisations: { visible: ownOrganisation.id, hidden: otherOrganisation.id },
      cheers: { visible: cheerVisible.id, hidden: cheerHidden.id },
      'survey-responses': { hidden: survey.id },
      participants: { hidden: participant.id },
      media: { visible: mediaVisible.id, hidden: mediaHidden.id },
      'deletion-requests': { hidden: deletion.id },
      users: { hidden: users.spare.id },
      'audit-log': { hidden: audit.id },
      'kpi-tallies': { hidden: tally.id },
      redirects: { hidden: redirect.id },
    },
    extra: {
      storyDraft: storyDraft.id,
      storyPublishedWithDraft: storyPublishedWithDraft.id,
      draftTitle,
      eventDraftTitle,
      ownOrganisation: ownOrganisation.id,
      otherOrganisation: otherOrganisation.id,
    },
    registrantOf: { [String(citizenVisible.id)]: 'coordinator', [String(citizenHidden.id)]: 'other' },
  }
}

/** Every secret of the world, or those of some collections. */
export const allSecrets = (world: World, ...slugs: string[]) =>
  Object.entries(world.secrets).flatMap(([slug, values]) => (slugs.length === 0 || slugs.includes(slug) ? values : []))

/** Valid data for a new document of each collection (what the matrix tries to create). */
export function newDocData(
  world: World,
  slug: Slug,
): { data: Record<string, unknown>; file?: ReturnType<typeof pngFile>; draft?: boolean } {
  const n = next()
  switch (slug) {
    case 'stories':
      return { data: { title: `新しいストーリー ${n}`, origin: 'editorial', reviewStatus: 'received', _status: 'draft' }, draft: true }
    case 'citizens':
      return { data: { displayName: `新しい市民 ${n}`, town: '大東町', status: 'candidate' } }
    case 'connections':
      return {
        data: {
          citizen: world.docs.citizens.visible,
          withOther: `相手 ${n}`,
          connectedAt: new Date().toISOString(),
          connectedAt_tz: 'Asia/Tokyo',
          origin: 'other',
          town: '大東町',
        },
      }
    case 'plans':
      return { data: { kind: 'use_skill', title: `新しいプラン ${n}`, description: '内容', town: '大東町' } }
    case 'support-offers':
      return { data: { plan: world.docs.plans.visible, nickname: `応援 ${n}` } }
    case 'events':
      return { data: { kind: 'other', title: `新しいイベント ${n}`, startsAt: soon(60), _status: 'draft' }, draft: true }
    case 'event-registrations':
      return { data: { event: world.docs.events.visible, nickname: `参加 ${n}`, partySize: 1 } }
    case 'organisations':
      return { data: { name: `新しい団体 ${n}`, kind: 'other' } }
    case 'cheers':
      return { data: { story: world.docs.stories.visible } }
    case 'survey-responses':
      return { data: { answer: '3', town: '木次町', ageBand: '30s' } }
    case 'participants':
      return { data: { firstSeenAt: new Date().toISOString(), firstChannel: 'other' } }
    case 'media':
      return { data: { alt: `新しい画像 ${n}` }, file: pngFile() }
    case 'deletion-requests':
      return { data: { note: `依頼 ${n}` } }
    case 'users':
      return { data: { email: `new-${n}@test.example`, name: '新しい人', roles: ['editor'], password: PASSWORD } }
    case 'audit-log':
      return { data: { at: new Date().toISOString(), action: 'create', collectionSlug: 'stories', summary: `偽の記録 ${n}` } }
    case 'kpi-tallies':
      return { data: { bucket: 'cheers:2021:0', metric: 'cheers', fiscalYear: 2021, month: 0, countedAt: Date.now(), data: { total: n } } }
    case 'redirects':
      return { data: { from: `/events/old-${n}`, to: '/events' } }
  }
}

/** A field each collection lets its updaters change, with a new value for it. */
export function updateOf(slug: Slug): { field: string; value: unknown } {
  const n = next()
  const text = (field: string) => ({ field, value: `変更 ${n}` })
  switch (slug) {
    case 'stories':
      return text('lead')
    case 'citizens':
      return text('intro')
    case 'connections':
      return text('howItCameAbout')
    case 'plans':
      return text('description')
    case 'support-offers':
      return text('message')
    case 'events':
      return text('summary')
    case 'event-registrations':
      return text('nickname')
    case 'organisations':
      return text('summary')
    case 'cheers':
      return text('message')
    case 'survey-responses':
      return { field: 'ageBand', value: '80plus' }
    case 'participants':
      return { field: 'participations', value: 99 }
    case 'media':
      return text('credit')
    case 'deletion-requests':
      return text('note')
    case 'users':
      return text('name')
    case 'audit-log':
      return text('summary')
    case 'kpi-tallies':
      return text('metric')
    case 'redirects':
      return { field: 'to', value: `/stories/changed-${n}` }
  }
}

/** A fresh document to update or delete (created with access off), so each case has its own. */
export async function freshTarget(world: World, slug: Slug): Promise<Id> {
  const { payload } = world
  if (slug === 'organisations')
    return ids(await payload.create({ collection: slug, data: { name: `対象の団体 ${next()}`, kind: 'other' } as never }))
  const { data, file, draft } = newDocData(world, slug)
  return ids(await payload.create({ collection: slug, data: data as never, file, draft }))
}
