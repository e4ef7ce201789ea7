import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../cms/payload-types'
import { createEvent, daysFromNow, submitViaSite } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let coordinator: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  payload = await bootPayload()
  coordinator = await createUser(payload, 'coordinator')
})
afterAll(() => shutdownPayload(payload))

const register = (event: Event, partySize = 1, nickname = 'はなこ') =>
  submitViaSite(payload, 'event-registrations', { event: event.id, nickname, partySize, contact: { email: `${nickname}@example.jp` } })

const confirmedSeats = async (event: Event) => {
  const { docs } = await payload.find({
    collection: 'event-registrations',
    where: { event: { equals: event.id }, status: { equals: 'confirmed' } },
    pagination: false,
  })
  return docs.reduce((sum, r) => sum + (r.partySize ?? 1), 0)
}

describe('registration through the site', () => {
  it('is accepted while the window is open', async () => {
    const event = await createEvent(payload, { registrationClosesAt: daysFromNow(10) })
    const reg = await register(event)
    expect(reg.id).toBeTruthy()
  })

  it.each([
    ['before the window opens', { registrationOpensAt: daysFromNow(2) }, '申し込みの受付はまだ始まっていません'],
    ['after the window closes', { registrationClosesAt: daysFromNow(-1) }, '申し込みの受付は終了しました'],
    [
      'after the event started, with no closing time',
      { startsAt: daysFromNow(-0.1), registrationOpensAt: daysFromNow(-5) },
      '申し込みの受付は終了しました',
    ],
    ['for a cancelled event', { cancelled: true }, '中止'],
    ['when web registration is switched off', { registrationEnabled: false }, 'ウェブでの申し込みを受け付けていません'],
    ['for an unpublished event', { _status: 'draft' as const }, 'イベントが見つかりません'],
  ] as [string, Partial<Event>, string][])('is refused %s, in Japanese', async (_label, overrides, message) => {
    const event = await createEvent(payload, overrides)
    await expect(register(event)).rejects.toThrow(message)
    expect(await confirmedSeats(event)).toBe(0)
  })

  it('refuses an event that was published and then unpublished', async () => {
    const event = await createEvent(payload)
    await payload.update({ collection: 'events', id: event.id, data: { _status: 'draft' } })
    await expect(register(event)).rejects.toThrow('イベントが見つかりません')
  })

  it('fills up to the capacity by party size, then refuses with the seats left', async () => {
    const event = await createEvent(payload, { capacity: 5 })
    await register(event, 2, 'a')
    await register(event, 2, 'b')
    // 4 of 5 taken: a party of two does not fit, and the message says how many seats remain.
    await expect(register(event, 2, 'c')).rejects.toThrow('残りの席は 1 名分')
    await register(event, 1, 'd')
    await expect(register(event, 1, 'e')).rejects.toThrow('定員に達した')
    expect(await confirmedSeats(event)).toBe(5)
  })

  it('does not count cancelled registrations against the capacity', async () => {
    const event = await createEvent(payload, { capacity: 2 })
    const first = await register(event, 2, 'f')
    await payload.update({
      collection: 'event-registrations',
      id: first.id,
      data: { status: 'cancelled' },
      user: coordinator,
      overrideAccess: false,
    })
    expect((await register(event, 2, 'g')).id).toBeTruthy()
  })

  it('does not let a resident register as already cancelled to slip past the checks', async () => {
    const event = await createEvent(payload, { capacity: 1 })
    await register(event, 1, 'h')
    // `status` is staff-only: the field access strips it, so the capacity check still applies.
    await expect(
      submitViaSite(payload, 'event-registrations', {
        event: event.id,
        nickname: 'i',
        status: 'cancelled',
        contact: { email: 'i@example.jp' },
      }),
    ).rejects.toThrow('定員に達した')
  })

  it('without the site channel an anonymous caller cannot register at all', async () => {
    const event = await createEvent(payload)
    await expect(
      payload.create({
        collection: 'event-registrations',
        data: { event: event.id, nickname: 'x', partySize: 1, status: 'confirmed' },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })
})

describe('staff', () => {
  it('can add people beyond the capacity and outside the window', async () => {
    const event = await createEvent(payload, { capacity: 1, registrationClosesAt: daysFromNow(-1) })
    for (const nickname of ['電話の方', '窓口の方']) {
      await payload.create({
        collection: 'event-registrations',
        data: { event: event.id, nickname, partySize: 3, status: 'confirmed' },
        user: coordinator,
        overrideAccess: false,
      })
    }
    expect(await confirmedSeats(event)).toBe(6)
  })
})
