import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { contactHashes, normaliseEmail, normalisePhone } from '../../cms/lib/contactHash'
import { registerParticipant } from '../../cms/lib/registerParticipant'
import { citizenData, countParticipants, createEvent, planData, submitViaSite } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let planId: number | string
let eventId: number | string

beforeAll(async () => {
  payload = await bootPayload()
  planId = (await payload.create({ collection: 'plans', data: planData({ status: 'published' }) })).id
  eventId = (await createEvent(payload, { capacity: null })).id
})
afterAll(() => shutdownPayload(payload))
// Each test counts from zero: participants are only ever added by hooks, so clearing them isolates the cases.
beforeEach(async () => {
  await payload.delete({ collection: 'participants', where: { id: { exists: true } }, overrideAccess: true })
})

type Contact = { email?: string; phone?: string }
type Channel = 'plan' | 'support' | 'event' | 'nomination'

/** One resident submission through the site, on the given channel, with the given contact. */
async function submit(channel: Channel, contact: Contact, extra: Record<string, unknown> = {}) {
  switch (channel) {
    case 'plan':
      return submitViaSite(payload, 'plans', { ...planData(), proposerNickname: 'たろう', proposerContact: contact, ...extra })
    case 'support':
      return submitViaSite(payload, 'support-offers', { plan: planId, nickname: 'たろう', contact, ...extra })
    case 'event':
      return submitViaSite(payload, 'event-registrations', { event: eventId, nickname: 'たろう', contact, ...extra })
    case 'nomination':
      return submitViaSite(
        payload,
        'stories',
        { title: '近所のえすこな人', origin: 'resident', submission: { nickname: 'たろう', ...contact }, _status: 'draft', ...extra },
        {},
      )
  }
}

describe('normalisation', () => {
  it.each([
    ['Taro@Example.JP ', 'taro@example.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['  TARO@example.jp', 'taro@example.jp'],
  ])('email %j → %j', (raw, normal) => expect(normaliseEmail(raw)).toBe(normal))

  it.each([
    ['090-1234-5678', '09012345678'],
    ['０９０１２３４５６７８', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['+81 90 1234 5678', '09012345678'],
    ['+81-(0)90-1234-5678', '09012345678'], // the "(0)" people write after the country code is not part of the number
    ['(0854) 40-1234', '0854401234'],
  ])('phone %j → %j', (raw, normal) => expect(normalisePhone(raw)).toBe(normal))

  it('hashes hide the contact and ignore too-short phone numbers', () => {
    const hashes = contactHashes({ email: 'taro@example.jp', phone: '1234' })
    expect(hashes.emailHash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashes.phoneHash).toBeUndefined()
  })
})

describe('one resident counts once (KPI 3)', () => {
  it.each([
    [
      'the same email in different case',
      [
        ['plan', { email: 'Taro@Example.JP' }],
        ['support', { email: 'taro@example.jp' }],
        ['nomination', { email: 'TARO@EXAMPLE.JP' }],
      ],
    ],
    [
      'the same phone written three ways',
      [
        ['event', { phone: '090-1234-5678' }],
        ['plan', { phone: '０９０１２３４５６７８' }],
        ['support', { phone: '+81 90 1234 5678' }],
      ],
    ],
  ] as [string, [Channel, Contact][]][])('%s → one participant', async (_label, submissions) => {
    for (const [channel, contact] of submissions) await submit(channel, contact)
    expect(await countParticipants(payload)).toBe(1)
    const [p] = (await payload.find({ collection: 'participants', overrideAccess: true })).docs
    expect(p.participations).toBe(submissions.length)
    expect(p.firstChannel).toBe(submissions[0][0])
  })

  it('counts spacing and full-width variants of one email once (as a form that does not trim would send them)', async () => {
    // The email field's own validation refuses spaces and full-width ＠, so these reach the counter directly.
    const req = await createLocalReq({}, payload)
    for (const email of ['Taro@Example.JP ', 'taro@example.jp', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', '\tTARO@example.jp']) {
      await registerParticipant(req, { email }, 'other')
    }
    expect(await countParticipants(payload)).toBe(1)
  })

  it('links an email and a phone given together, so a later phone-only submission is the same person', async () => {
    await submit('plan', { email: 'hanako@example.jp' })
    await submit('event', { email: 'Hanako@example.jp', phone: '080-2222-3333' })
    await submit('support', { phone: '08022223333' })
    expect(await countParticipants(payload)).toBe(1)
  })

  it('merges two participants once a submission shows they are the same person', async () => {
    // Email-only then phone-only look like two people until a third submission carries both.
    await submit('plan', { email: 'jiro@example.jp' })
    await submit('event', { phone: '080-4444-5555' })
    expect(await countParticipants(payload)).toBe(2)
    await submit('support', { email: 'jiro@example.jp', phone: '080-4444-5555' })
    expect(await countParticipants(payload)).toBe(1)
    const [p] = (await payload.find({ collection: 'participants', overrideAccess: true })).docs
    expect(p.participations).toBe(3)
    expect(p.firstChannel).toBe('plan')
    expect(p.emailHash && p.phoneHash).toBeTruthy()
  })

  it('counts different people separately', async () => {
    await submit('plan', { email: 'a@example.jp' })
    await submit('plan', { email: 'b@example.jp' })
    await submit('event', { phone: '090-0000-0001' })
    await submit('event', { phone: '090-0000-0002' })
    expect(await countParticipants(payload)).toBe(4)
  })

  it.each([
    ['plan', {}],
    ['event', {}],
    ['support', { phone: '' }],
  ] as [Channel, Contact][])('a %s submission without contact (%j) adds no participant', async (channel, contact) => {
    await submit(channel, contact)
    expect(await countParticipants(payload)).toBe(0)
  })

  it('counts a registration from outside the city (town "outside" is not one of the six towns)', async () => {
    const reg = await submit('event', { email: 'visitor@example.jp' }, { town: 'outside' })
    expect(reg.id).toBeTruthy()
    const [p] = (await payload.find({ collection: 'participants', overrideAccess: true })).docs
    expect(p).toBeTruthy()
    expect(p.town ?? null).toBeNull()
  })

  it('counts a citizen registered by a coordinator, once, with their submissions', async () => {
    const coordinator = await createUser(payload, 'coordinator')
    await payload.create({
      collection: 'citizens',
      data: citizenData({ private: { email: 'citizen@example.jp' } }),
      user: coordinator,
      overrideAccess: false,
    })
    await submit('plan', { email: 'Citizen@Example.jp' })
    expect(await countParticipants(payload)).toBe(1)
  })

  it('stores no raw contact in the participant', async () => {
    const email = 'Secret.Person@example.jp'
    const phone = '090-9876-5432'
    await submit('event', { email, phone })
    const { docs } = await payload.find({ collection: 'participants', overrideAccess: true })
    const json = JSON.stringify(docs).toLowerCase()
    expect(docs).toHaveLength(1)
    for (const raw of [email, normaliseEmail(email), 'secret.person', phone, normalisePhone(phone), '9876'])
      expect(json).not.toContain(raw.toLowerCase())
  })

  it('same person submitting concurrently still gives one participant', async () => {
    // Five tabs sending at once: every find misses, every create races for the unique hash.
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => submit(i % 2 ? 'plan' : 'event', { email: 'rush@example.jp', phone: '090-5555-0000' })),
    )
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
    expect(await countParticipants(payload)).toBe(1)
    const [p] = (await payload.find({ collection: 'participants', overrideAccess: true })).docs
    expect(p.participations).toBe(5)
  })

  it('participants cannot be created or changed through access-controlled calls', async () => {
    const admin = await createUser(payload, 'admin')
    await expect(
      payload.create({
        collection: 'participants',
        data: { firstSeenAt: new Date().toISOString(), firstChannel: 'other' },
        overrideAccess: false,
        user: admin,
      }),
    ).rejects.toThrow()
  })
})
