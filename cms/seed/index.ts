import type { CollectionSlug, Payload } from 'payload'

import type { Id } from '../domain/ids'
import { PLAN_STATUSES } from '../domain/plans'
import { publicPathOf } from '../domain/redirects'
import { flushTallies } from '../kpi/recountQueue'
import { CITIZENS } from './citizens'
import { CHEERS, type CheerTarget } from './cheers'
import { CONNECTIONS } from './connections'
import { DEMO_USERS, type SeedMeta, STORIES } from './content'
import { DAY, daysAgo, dayFromNow } from './dates'
import { DELETION_REQUEST, seedEvents, seedRegistrations } from './events'
import { seedMedia } from './media'
import { ORGANISATIONS } from './organisations'
import { PLANS, SUPPORT_OFFERS } from './plans'
import { KPI_YEARS, siteSettings } from './settings'
import { RESIDENT_STORY } from './stories'
import { surveyCode } from '../kpi/surveyCodes'
import { CODED_WEB_ANSWERS, OFFICIAL_SURVEY_RESULTS, SURVEY_CODE_BATCH, SURVEY_RESPONSES } from './survey'

/** A relationship value: ids are numbers on SQLite and strings on MongoDB, the generated types name only one. */
const ref = (id: Id): never => id as never

/**
 * The content collections the demo seed owns. Re-seeding wipes them entirely (dependants first) and
 * writes them again, so nothing is duplicated; `npm run seed` refuses to do this in production unless
 * ESUKO_SEED_FORCE=1. Participants are derived from the contact details in these collections (hooks
 * count them), so they go too. Users and the audit log are never wiped.
 */
export const SEEDED_COLLECTIONS = [
  'cheers',
  'event-registrations',
  'support-offers',
  'connections',
  'deletion-requests',
  'survey-responses',
  'survey-code-uses',
  'survey-code-batches',
  'official-survey-results',
  'stories',
  'plans',
  'events',
  'citizens',
  'organisations',
  // After the documents: deleting a published one leaves a 410 row for its address.
  'redirects',
  'participants',
  'media',
] as const satisfies readonly CollectionSlug[]

export type SeedResult = { stories: number; users: string[]; counts: Record<string, number> }

// Seed writes: no audit entries, no populated relations in the returned documents.
const write = { context: { audit: false }, depth: 0 } as const

/** True when the database holds no content and no accounts: the first run. */
export async function isEmptyDatabase(payload: Payload): Promise<boolean> {
  const [users, stories] = await Promise.all([payload.count({ collection: 'users' }), payload.count({ collection: 'stories' })])
  return users.totalDocs === 0 && stories.totalDocs === 0
}

/** Looks an id up by key, failing loudly on a typo in the seed data. */
const lookup =
  <K extends string>(ids: Map<K, Id>, what: string) =>
  (key: K): Id => {
    const id = ids.get(key)
    if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`)
    return id
  }

async function wipeDemoContent(payload: Payload): Promise<void> {
  for (const collection of SEEDED_COLLECTIONS) {
    // By `where` (not by id): the bulk delete also removes versions and uploaded files.
    await payload.delete({ collection, where: { id: { exists: true } }, ...write })
  }
}

/** Demo accounts: recreated when a password is given, otherwise the existing ones (if any) are reused. */
async function demoUsers(payload: Payload, adminPassword: string | undefined, managedOrganisation: Id) {
  const emails = DEMO_USERS.map((u) => u.email)
  const ids = new Map<string, Id>()
  if (adminPassword) {
    await payload.delete({ collection: 'users', where: { email: { in: emails } }, ...write })
    for (const user of DEMO_USERS) {
      const doc = await payload.create({
        collection: 'users',
        data: {
          email: user.email,
          name: user.name,
          roles: [...user.roles],
          password: adminPassword,
          organisations: (user.roles as readonly string[]).includes('organisation') ? [ref(managedOrganisation)] : undefined,
        },
        ...write,
      })
      ids.set(user.email, doc.id)
    }
  } else {
    const { docs } = await payload.find({ collection: 'users', where: { email: { in: emails } }, depth: 0, pagination: false })
    for (const doc of docs) {
      ids.set(doc.email, doc.id)
      // The organisation it managed was just replaced: point it at the new one.
      if (doc.roles?.includes('organisation')) {
        await payload.update({ collection: 'users', id: doc.id, data: { organisations: [ref(managedOrganisation)] }, ...write })
      }
    }
  }
  return ids
}

/**
 * Replaces demo content with a fresh set covering every collection and both globals. Demo accounts are
 * created only when a password is given; without one, the admin's own first-user screen creates the
 * first account. Dates that must stay recent or upcoming are relative to `now`; fiscal-year data
 * (citizens' registration, connections, survey, past events) uses fixed dates.
 */
export async function seedDemo(payload: Payload, options: { adminPassword?: string; now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date()
  await wipeDemoContent(payload)

  const media = await seedMedia(payload, write)
  const seoMeta = (meta: SeedMeta | undefined) => meta && { ...meta, image: meta.image ? ref(media[meta.image]) : undefined }

  // Organisations
  const orgIds = new Map<(typeof ORGANISATIONS)[number]['key'], Id>()
  for (const { key, ...org } of ORGANISATIONS) {
    const doc = await payload.create({
      collection: 'organisations',
      data: { ...org, logo: key === 'daidokoro' ? ref(media.daidokoroLogo) : undefined },
      ...write,
    })
    orgIds.set(key, doc.id)
  }
  const org = lookup(orgIds, 'organisation')

  // Accounts
  const userIds = await demoUsers(payload, options.adminPassword, org('daidokoro'))
  const coordinatorId = userIds.get('coordinator@esuko.example')
  const coordinator = coordinatorId === undefined ? undefined : ref(coordinatorId)

  // Esuko citizens (the coordinator registered them all)
  const citizenIds = new Map<(typeof CITIZENS)[number]['key'], Id>()
  for (const { key, consent, ...citizen } of CITIZENS) {
    const doc = await payload.create({
      collection: 'citizens',
      data: { ...citizen, consent: { ...consent, enteredBy: coordinator }, registeredBy: coordinator },
      ...write,
    })
    citizenIds.set(key, doc.id)
  }
  const citizen = lookup(citizenIds, 'citizen')

  // Events: published ones directly, the draft as a draft version only
  const eventIds = new Map<ReturnType<typeof seedEvents>[number]['key'], Id>()
  const events = seedEvents(now)
  for (const { key, draft, participatingOrganisations, showcasedCitizens, meta, ...event } of events) {
    const data = {
      ...event,
      meta: seoMeta(meta),
      startsAt_tz: 'Asia/Tokyo' as const,
      endsAt_tz: 'Asia/Tokyo' as const,
      participatingOrganisations: participatingOrganisations?.map((key) => ref(org(key))),
      showcasedCitizens: showcasedCitizens?.map((key) => ref(citizen(key))),
      _status: draft ? ('draft' as const) : ('published' as const),
    }
    const doc = draft
      ? await payload.create({ collection: 'events', data, draft: true, ...write })
      : await payload.create({ collection: 'events', data, ...write })
    eventIds.set(key, doc.id)
  }
  const event = lookup(eventIds, 'event')

  // Plans: received first, then moved forward with updates so the lifecycle hook stamps each step.
  // Realised plans with a story wait for the story (their last step links it).
  const planIds = new Map<(typeof PLANS)[number]['key'], Id>()
  const awaitingStory: { id: Id; story: string }[] = []
  for (const plan of PLANS) {
    const receivedAt = daysAgo(now, plan.receivedDaysAgo)
    const doc = await payload.create({
      collection: 'plans',
      data: {
        kind: plan.kind,
        title: plan.title,
        description: plan.description,
        town: plan.town,
        themes: plan.themes,
        proposer: plan.proposer ? ref(citizen(plan.proposer)) : undefined,
        proposerNickname: plan.proposerNickname,
        proposerContact: plan.proposerContact ? { ...plan.proposerContact, consentAt: receivedAt } : undefined,
        // Sent through the site's form, which tells the proposer their nickname is shown (cms/domain/consent.ts).
        consent: { publication: true, method: 'web', givenAt: receivedAt },
        status: 'received',
        lifecycle: { receivedAt },
        meta: seoMeta(plan.meta),
        createdAt: receivedAt,
      },
      ...write,
    })
    planIds.set(plan.key, doc.id)
    const steps =
      plan.status === 'withdrawn'
        ? plan.proposer
          ? (['published', 'in_progress', 'withdrawn'] as const)
          : (['withdrawn'] as const)
        : // Forward through the lifecycle from 受付 up to the plan's status.
          PLAN_STATUSES.slice(1, PLAN_STATUSES.indexOf(plan.status) + 1)
    for (const status of steps) {
      if (status === 'realised' && plan.realisationStory) {
        awaitingStory.push({ id: doc.id, story: plan.realisationStory })
        continue
      }
      await payload.update({ collection: 'plans', id: doc.id, data: { status }, ...write })
    }
  }
  const plan = lookup(planIds, 'plan')

  for (const offer of SUPPORT_OFFERS) {
    const createdAt = daysAgo(now, offer.daysAgo)
    await payload.create({
      collection: 'support-offers',
      data: {
        plan: ref(plan(offer.plan)),
        kind: offer.kind,
        organisation: offer.organisation ? ref(org(offer.organisation)) : undefined,
        nickname: offer.nickname,
        message: offer.message,
        contact: offer.contact ? { ...offer.contact, consentAt: createdAt } : undefined,
        status: offer.status,
        createdAt,
      },
      ...write,
    })
  }

  // Stories: the editorial seven, then one resident nomination waiting in the inbox
  const storyIds = new Map<string, Id>()
  for (const story of STORIES) {
    const publishedAt = new Date(now.getTime() - story.daysAgo * DAY).toISOString()
    const data = {
      title: story.title,
      slug: story.slug,
      lead: story.lead,
      body: story.body,
      connectionOrigin: story.connectionOrigin,
      town: story.town,
      themes: story.themes,
      citizens: story.citizens.map((key) => ref(citizen(key))),
      organisations: story.organisations.map((key) => ref(org(key))),
      relatedPlan: story.relatedPlan ? ref(plan(story.relatedPlan)) : undefined,
      relatedEvent: story.relatedEvent ? ref(event(story.relatedEvent)) : undefined,
      heroImage: story.heroImage ? ref(media[story.heroImage]) : undefined,
      meta: seoMeta(story.meta),
      featured: story.featured,
      featuredOrder: story.featuredOrder ?? 100,
      origin: 'editorial' as const,
      // The people in each story agreed on paper before it was written, to the photo too where there is one.
      consent: {
        publication: true,
        photo: Boolean(story.heroImage),
        method: 'paper' as const,
        givenAt: new Date(now.getTime() - (story.daysAgo + 14) * DAY).toISOString(),
        enteredBy: coordinator,
      },
      reviewStatus: story.status === 'published' ? ('published' as const) : ('reviewing' as const),
      publishedAt: story.status === 'published' ? publishedAt : undefined,
      createdAt: publishedAt,
      _status: story.status,
    }
    // A draft create saves only a draft version; a published one must not pass `draft`.
    const doc =
      story.status === 'draft'
        ? await payload.create({ collection: 'stories', draft: true, data, ...write })
        : await payload.create({ collection: 'stories', data, ...write })
    storyIds.set(story.slug, doc.id)
  }
  const submittedAt = daysAgo(now, RESIDENT_STORY.daysAgo)
  const { daysAgo: _days, submission, ...resident } = RESIDENT_STORY
  await payload.create({
    collection: 'stories',
    draft: true,
    data: {
      ...resident,
      origin: 'resident',
      reviewStatus: 'received',
      submission: { ...submission, consentAt: submittedAt },
      createdAt: submittedAt,
      _status: 'draft',
    },
    ...write,
  })
  // An address shared before a story's slug was changed (as cms/hooks/maintainRedirects.ts or an editor keeps it).
  const renamed = STORIES.find((s) => s.status === 'published')!
  await payload.create({
    collection: 'redirects',
    data: { from: publicPathOf('stories', `${renamed.slug}-2025`), to: publicPathOf('stories', renamed.slug) },
    ...write,
  })
  const story = lookup(storyIds, 'story')

  for (const { id, story: slug } of awaitingStory) {
    await payload.update({ collection: 'plans', id, data: { status: 'realised', realisationStory: ref(story(slug)) }, ...write })
  }
  // The past events showcase the stories that came out of them.
  await payload.update({
    collection: 'events',
    id: event('furumai2025'),
    data: { showcasedStories: [ref(story('daito-osusowake')), ref(story('kisuki-sakura-souji'))] },
    ...write,
  })
  await payload.update({
    collection: 'events',
    id: event('kaigi2025'),
    data: { showcasedStories: [ref(story('kakeya-idou-hanbai')), ref(story('mitoya-minna-no-daidokoro'))] },
    ...write,
  })

  for (const connection of CONNECTIONS) {
    await payload.create({
      collection: 'connections',
      data: {
        citizen: ref(citizen(connection.citizen)),
        withCitizen: connection.withCitizen ? ref(citizen(connection.withCitizen)) : undefined,
        withOrganisation: connection.withOrganisation ? ref(org(connection.withOrganisation)) : undefined,
        withOther: connection.withOther,
        connectedAt: connection.connectedAt,
        connectedAt_tz: 'Asia/Tokyo',
        origin: connection.origin,
        howItCameAbout: connection.howItCameAbout,
        town: connection.town,
        event: connection.event ? ref(event(connection.event)) : undefined,
        plan: connection.plan ? ref(plan(connection.plan)) : undefined,
        recordedBy: coordinator,
        createdAt: connection.connectedAt,
      },
      ...write,
    })
  }

  for (const { event: key, ...registration } of seedRegistrations(now)) {
    await payload.create({ collection: 'event-registrations', data: { ...registration, event: ref(event(key)) }, ...write })
  }

  const target = (t: CheerTarget) =>
    'story' in t ? { story: ref(story(t.story)) } : 'citizen' in t ? { citizen: ref(citizen(t.citizen)) } : { plan: ref(plan(t.plan)) }
  for (const [i, cheer] of CHEERS.entries()) {
    const doc = await payload.create({
      collection: 'cheers',
      data: {
        ...target(cheer.target),
        message: cheer.message,
        messageStatus: cheer.message ? 'pending' : 'none',
        // Real keys are daily hashes; demo ones just have to be unique.
        dedupeKey: `demo-cheer-${String(i + 1).padStart(3, '0')}`,
        createdAt: daysAgo(now, cheer.daysAgo),
      },
      ...write,
    })
    // A new message always starts as 確認待ち (the field hook decides); the editor's review is a later update.
    if (cheer.messageStatus === 'approved' || cheer.messageStatus === 'rejected') {
      await payload.update({ collection: 'cheers', id: doc.id, data: { messageStatus: cheer.messageStatus }, ...write })
    }
  }

  for (const response of SURVEY_RESPONSES) {
    await payload.create({ collection: 'survey-responses', data: { ...response, createdAt: response.answeredAt }, ...write })
  }
  for (const result of OFFICIAL_SURVEY_RESULTS) await payload.create({ collection: 'official-survey-results', data: result, ...write })
  // One batch of one-time codes handed out at the FY2025 ふるまい市, three of them used on the web.
  const batch = await payload.create({ collection: 'survey-code-batches', data: SURVEY_CODE_BATCH, ...write })
  for (const [i, answer] of CODED_WEB_ANSWERS.entries()) {
    await payload.create({ collection: 'survey-responses', data: { ...answer, code: surveyCode(batch.prefix!, i + 1) } as never, ...write })
  }

  await payload.create({
    collection: 'deletion-requests',
    data: { ...DELETION_REQUEST, status: 'received', createdAt: dayFromNow(now, -1, '21:15') },
    ...write,
  })

  await payload.updateGlobal({
    slug: 'site-settings',
    data: siteSettings(now, { heroImage: media.sakura, noticeEventSlug: events.find((e) => e.key === 'furumaiWinter')!.slug }),
    ...write,
  })
  await payload.updateGlobal({ slug: 'kpi-targets', data: { years: KPI_YEARS }, ...write })
  // The KPI counts the seed touched, before a command-line seed exits.
  await flushTallies(payload)

  const counts: Record<string, number> = {}
  for (const collection of [...SEEDED_COLLECTIONS, 'users'] as const) {
    counts[collection] = (await payload.count({ collection })).totalDocs
  }
  return { stories: STORIES.length + 1, users: options.adminPassword ? DEMO_USERS.map((u) => u.email) : [], counts }
}
