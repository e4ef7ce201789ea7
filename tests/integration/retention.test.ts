import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CONTACT_LOCATIONS, eraseContact, processDeletionRequests, purgeExpiredContacts } from '../../cms/lib/retention'
import { requestConfirmedDeletion } from '../helpers/deletion'
import { citizenData, countParticipants, createEvent, onJongodb, planData, submitViaSite } from '../helpers/domain'
import { recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
let eventId: number | string
let planId: number | string

const DAY = 24 * 60 * 60 * 1000
const tick = () => new Promise((r) => setTimeout(r, 15))

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  eventId = (await createEvent(payload, { capacity: null })).id
  planId = (await payload.create({ collection: 'plans', data: planData({ status: 'published' }) })).id
})
afterAll(() => shutdownPayload(payload))

type Contact = { email?: string; phone?: string }

/** One submission of each kind that keeps a resident's contact, as residents make them. Returns where each went. */
async function submitEverywhere(contact: Contact, tag: string) {
  const plan = await submitViaSite(payload, 'plans', {
    ...planData({ title: `プラン${tag}` }),
    proposerNickname: `提案${tag}`,
    proposerContact: contact,
  })
  const offer = await submitViaSite(payload, 'support-offers', { plan: planId, nickname: `応援${tag}`, contact })
  const registration = await submitViaSite(payload, 'event-registrations', {
    event: eventId,
    nickname: `参加${tag}`,
    contact: { ...contact, accessibilityNeeds: '車いすで参加します' },
  })
  const story = await submitViaSite(payload, 'stories', {
    title: `推薦${tag}`,
    origin: 'resident',
    submission: { nickname: `推薦者${tag}`, ...contact },
  })
  // An editor works on the story: each save keeps a version with the submission in it.
  await payload.update({
    collection: 'stories',
    id: story.id,
    data: { lead: '編集部で確認中' },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  await payload.update({
    collection: 'stories',
    id: story.id,
    data: { reviewStatus: 'approved', consent: recordedConsent(), _status: 'published' },
    user: editor,
    overrideAccess: false,
  })
  return { plans: plan.id, 'support-offers': offer.id, 'event-registrations': registration.id, stories: story.id } as Record<
    string,
    number | string
  >
}

async function contactOf(collection: CollectionSlug, id: number | string) {
  const loc = CONTACT_LOCATIONS.find((l) => l.collection === collection)!
  const doc = (await payload.findByID({ collection, id, draft: true, depth: 0 })) as unknown as Record<string, Record<string, unknown>>
  return Object.fromEntries(loc.fields.map((f) => [f, doc[loc.group]?.[f] ?? null]))
}

/** The names a resident gave beside their contact, in each kind of record (story: every version). */
async function namesOf(ids: Record<string, number | string>) {
  const plan = await payload.findByID({ collection: 'plans', id: ids.plans })
  const offer = await payload.findByID({ collection: 'support-offers', id: ids['support-offers'] })
  const reg = await payload.findByID({ collection: 'event-registrations', id: ids['event-registrations'] })
  const story = (await storyVersionSubmissions(ids.stories)) as { nickname?: string | null }[]
  return [plan.proposerNickname ?? null, offer.nickname, reg.nickname, ...story.map((s) => s.nickname ?? null)]
}

/** Every stored copy of the story's submission, across all its versions. */
async function storyVersionSubmissions(id: number | string) {
  const { docs } = await payload.findVersions({ collection: 'stories', where: { parent: { equals: id } }, pagination: false, depth: 0 })
  return docs.map((v) => (v.version as { submission?: Contact }).submission ?? {})
}

describe('retention purge', () => {
  it('clears contact older than the retention period everywhere, keeps newer contact, and keeps every record', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { retentionDays: 90 } })
    const old = await submitEverywhere({ email: 'old@example.jp', phone: '090-1111-0000' }, '旧')
    await tick()
    const cutoff = Date.now()
    await tick()
    const recent = await submitEverywhere({ email: 'new@example.jp', phone: '090-2222-0000' }, '新')
    const citizen = await payload.create({ collection: 'citizens', data: citizenData({ private: { email: 'citizen-old@example.jp' } }) })
    const participantsBefore = await countParticipants(payload)
    const counts = async () =>
      Promise.all(Object.keys(old).map((c) => payload.count({ collection: c as CollectionSlug }).then((r) => r.totalDocs)))
    const countsBefore = await counts()

    // The site setting (90 days), not the 365-day default, decides: "now" is 90 days after the cutoff.
    const erased = await purgeExpiredContacts(payload, { now: new Date(cutoff + 90 * DAY) })

    expect(erased).toBe(Object.keys(old).length)
    for (const [collection, id] of Object.entries(old)) {
      expect(Object.values(await contactOf(collection as CollectionSlug, id)).filter(Boolean), collection).toEqual([])
    }
    for (const [collection, id] of Object.entries(recent)) {
      expect(await contactOf(collection as CollectionSlug, id), collection).toMatchObject({ email: 'new@example.jp' })
    }
    // Older versions of the story kept a copy of the submission: those are cleared too.
    const oldVersions = await storyVersionSubmissions(old.stories)
    expect(oldVersions.length).toBeGreaterThanOrEqual(3)
    for (const s of oldVersions) expect([s.email ?? null, s.phone ?? null]).toEqual([null, null])
    for (const s of await storyVersionSubmissions(recent.stories)) expect(s.email).toBe('new@example.jp')

    // Records, counts, participants and esuko citizens' own data are untouched.
    expect(await counts()).toEqual(countsBefore)
    expect(await countParticipants(payload)).toBe(participantsBefore)
    expect((await payload.findByID({ collection: 'citizens', id: citizen.id })).private?.email).toBe('citizen-old@example.jp')

    // Names stay through the retention period: the records still need to say who they were from.
    expect(await namesOf(old)).toEqual(['提案旧', '応援旧', '参加旧', ...oldVersions.map(() => '推薦者旧')])

    // A second run finds nothing left to clear (cleared fields no longer count as contact).
    expect(await purgeExpiredContacts(payload, { now: new Date(cutoff + 90 * DAY) })).toBe(0)

    const [entry] = (
      await payload.find({ collection: 'audit-log', where: { action: { equals: 'erase_personal' } }, sort: '-createdAt', limit: 1 })
    ).docs
    expect(entry.summary).toContain('90日')
    expect(JSON.stringify(entry)).not.toContain('old@example.jp')
  })

  it('uses 365 days when told nothing else, and leaves contact one day short of it', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { retentionDays: 365 } })
    const plan = await submitViaSite(payload, 'plans', { ...planData(), proposerContact: { email: 'keep@example.jp' } })
    const createdAt = Date.parse(plan.createdAt)
    await purgeExpiredContacts(payload, { now: new Date(createdAt + 364 * DAY) })
    expect((await contactOf('plans', plan.id)).email).toBe('keep@example.jp')
    await purgeExpiredContacts(payload, { now: new Date(createdAt + 366 * DAY) })
    expect((await contactOf('plans', plan.id)).email).toBeNull()
  })

  it('does not publish, unpublish or overwrite a story with a pending draft', async () => {
    const story = await submitViaSite(payload, 'stories', {
      title: '公開済みの推薦',
      origin: 'resident',
      submission: { email: 'draft@example.jp' },
    })
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { _status: 'published', reviewStatus: 'approved', consent: recordedConsent() },
      user: editor,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: '編集中の下書き' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })

    await purgeExpiredContacts(payload, { now: new Date(Date.now() + 4000 * DAY) })

    // The public still gets the published text; the editor's draft is still the latest version.
    const published = await payload.findByID({ collection: 'stories', id: story.id, overrideAccess: false })
    expect(published.title).toBe('公開済みの推薦')
    const draft = await payload.findByID({ collection: 'stories', id: story.id, draft: true })
    expect(draft.title).toBe('編集中の下書き')
    for (const s of await storyVersionSubmissions(story.id)) expect(s.email ?? null).toBeNull()
  })
})

describe('deletion requests', () => {
  it('erase one person everywhere, keep others, keep the counts, and close the request', async () => {
    const email = 'Erase.Me@example.jp'
    const phone = '080-7777-1234'
    const mine = await submitEverywhere({ email, phone }, '消')
    // The same person wrote their phone full-width once; that copy must go too.
    const fullWidth = await submitViaSite(payload, 'event-registrations', {
      event: eventId,
      nickname: '全角',
      contact: { phone: '０８０７７７７１２３４' },
    })
    const theirs = await submitEverywhere({ email: 'someone.else@example.jp' }, '他')
    const citizen = await payload.create({
      collection: 'citizens',
      data: citizenData({
        displayName: '消える市民',
        displayNameReading: 'きえるしみん',
        private: { legalName: '消去 太郎', email: 'erase.me@EXAMPLE.jp', notes: 'メモ' },
      }),
    })
    const participantsBefore = await countParticipants(payload)
    const request = await requestConfirmedDeletion(payload, {
      contact: { email: ' ERASE.ME@example.jp'.trim() },
      note: '私の情報を消してください',
    })

    expect(await processDeletionRequests(payload)).toBe(1)

    for (const [collection, id] of Object.entries(mine)) {
      expect(Object.values(await contactOf(collection as CollectionSlug, id)).filter(Boolean), collection).toEqual([])
    }
    // On a deletion request the names beside the contact go too; required ones become （削除済み）.
    expect(new Set(await namesOf(mine))).toEqual(new Set([null, '（削除済み）']))

    // Matched by email on the request, the phone in the same records went with it; the full-width-only copy needs the phone.
    expect((await contactOf('event-registrations', fullWidth.id)).phone).toBe('０８０７７７７１２３４')
    for (const [collection, id] of Object.entries(theirs)) {
      expect(await contactOf(collection as CollectionSlug, id), collection).toMatchObject({ email: 'someone.else@example.jp' })
    }
    const erasedCitizen = await payload.findByID({ collection: 'citizens', id: citizen.id })
    expect(erasedCitizen.displayName).toBe('（削除済み）')
    expect(erasedCitizen.consent?.publication).toBe(false)
    expect(Object.values(erasedCitizen.private ?? {}).filter(Boolean)).toEqual([])
    expect(JSON.stringify(erasedCitizen)).not.toMatch(/消去 太郎|消える市民|きえるしみん|erase\.me/i)

    // The participant stays (KPI counts hold) but can no longer be linked to the person.
    expect(await countParticipants(payload)).toBe(participantsBefore)
    expect(await countParticipants(payload, { erased: { equals: true } })).toBe(1)
    const [erasedParticipant] = (await payload.find({ collection: 'participants', where: { erased: { equals: true } } })).docs
    expect(erasedParticipant.emailHash ?? null).toBeNull()
    expect(erasedParticipant.phoneHash ?? null).toBeNull()

    const closed = await payload.findByID({ collection: 'deletion-requests', id: request.id })
    expect(closed.status).toBe('done')
    expect(closed.processedAt).toBeTruthy()
    expect(closed.erasedRecords).toBeGreaterThan(0)
    expect([closed.contact?.email ?? null, closed.contact?.phone ?? null]).toEqual([null, null])
  })

  it('a phone-only request (verified by staff on the phone) erases records whose phone is written differently', async () => {
    const reg = await submitViaSite(payload, 'event-registrations', {
      event: eventId,
      nickname: 'でんわ',
      contact: { phone: '+81 90 3333 4444' },
    })
    const request = await submitViaSite(payload, 'deletion-requests', { contact: { phone: '090-3333-4444' } })
    await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      data: { status: 'verified', verification: { method: 'phone', note: 'ご本人に電話し、申し込んだイベント名で確認' } },
      user: editor,
      overrideAccess: false,
    })
    await processDeletionRequests(payload)
    expect((await contactOf('event-registrations', reg.id)).phone).toBeNull()
  })

  it('erasing several people keeps every participant, however many lose their hashes', async () => {
    for (const n of [1, 2, 3])
      await submitViaSite(payload, 'plans', { ...planData(), proposerContact: { email: `many${n}@example.jp`, phone: `090-4444-000${n}` } })
    const before = await countParticipants(payload)
    for (const n of [1, 2, 3]) await eraseContact(payload, { email: `many${n}@example.jp`, phone: `090-4444-000${n}` })
    expect(await countParticipants(payload)).toBe(before)
  })

  it('a request that matches nothing is still closed', async () => {
    const request = await requestConfirmedDeletion(payload, { contact: { email: 'nobody@example.jp' } })
    await processDeletionRequests(payload)
    const closed = await payload.findByID({ collection: 'deletion-requests', id: request.id })
    expect(closed.status).toBe('done')
    expect(closed.contact?.email ?? null).toBeNull()
  })
})

describe('the job queue runs the retention tasks', () => {
  // jongodb does not support the $push update operator Payload's job runner uses for the job log.
  it.skipIf(onJongodb)('processDeletionRequests and purgeExpiredContacts run through payload.jobs', async () => {
    const reg = await submitViaSite(payload, 'event-registrations', {
      event: eventId,
      nickname: 'じょぶ',
      contact: { email: 'job@example.jp' },
    })
    const request = await requestConfirmedDeletion(payload, { contact: { email: 'job@example.jp' } })
    const deletionJob = await payload.jobs.queue({ task: 'processDeletionRequests', input: {} })
    const purgeJob = await payload.jobs.queue({ task: 'purgeExpiredContacts', input: {} })
    const result = await payload.jobs.run()

    // Completed jobs are deleted from the queue; a failed one would stay with its error.
    expect(result.jobStatus?.[String(deletionJob.id)]?.status).toBe('success')
    expect(result.jobStatus?.[String(purgeJob.id)]?.status).toBe('success')
    expect((await payload.find({ collection: 'payload-jobs', where: { hasError: { equals: true } } })).docs).toEqual([])
    expect((await payload.findByID({ collection: 'deletion-requests', id: request.id })).status).toBe('done')
    expect((await contactOf('event-registrations', reg.id)).email).toBeNull()
  })
})
