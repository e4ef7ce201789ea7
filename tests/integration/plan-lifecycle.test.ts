import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Plan } from '../../cms/payload-types'
import { planData, submitViaSite } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
})
afterAll(() => shutdownPayload(payload))

type Status = Plan['status']
type Stamp = keyof NonNullable<Plan['lifecycle']>
const ALL_STAMPS: Stamp[] = ['receivedAt', 'publishedAt', 'startedAt', 'realisedAt', 'withdrawnAt']

const createPlan = (status: Status = 'received') =>
  payload.create({ collection: 'plans', data: planData({ status }), user: editor, overrideAccess: false })
const setStatus = (id: Plan['id'], status: Status) =>
  payload.update({ collection: 'plans', id, data: { status }, user: editor, overrideAccess: false })
const stamped = (plan: Plan) => ALL_STAMPS.filter((s) => plan.lifecycle?.[s])
const tick = () => new Promise((r) => setTimeout(r, 5))

describe('plan lifecycle 受付 → 公開 → 進行中 → 実現', () => {
  it('stamps each step once, keeping earlier stamps when later steps come', async () => {
    let plan = await createPlan()
    expect(plan.status).toBe('received')
    expect(stamped(plan)).toEqual(['receivedAt'])
    const seen: Partial<Record<Stamp, string>> = { receivedAt: plan.lifecycle!.receivedAt! }

    for (const [status, stamp] of [
      ['published', 'publishedAt'],
      ['in_progress', 'startedAt'],
      ['realised', 'realisedAt'],
    ] as const) {
      await tick() // a later step must get a later time, so an overwrite of an earlier stamp would show
      plan = await setStatus(plan.id, status)
      expect(plan.status).toBe(status)
      expect(plan.lifecycle?.[stamp]).toBeTruthy()
      for (const [earlier, at] of Object.entries(seen)) expect(plan.lifecycle?.[earlier as Stamp]).toBe(at)
      seen[stamp] = plan.lifecycle![stamp]!
    }
    expect(stamped(plan)).toEqual(['receivedAt', 'publishedAt', 'startedAt', 'realisedAt'])
  })

  it('does not move a stamp when an unrelated field changes', async () => {
    const plan = await setStatus((await createPlan()).id, 'published')
    await tick()
    const edited = await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { title: '題名を直しました' },
      user: editor,
      overrideAccess: false,
    })
    expect(edited.lifecycle).toEqual(plan.lifecycle)
  })

  it.each([
    ['received', 'realised', ['receivedAt', 'publishedAt', 'startedAt', 'realisedAt']],
    ['received', 'in_progress', ['receivedAt', 'publishedAt', 'startedAt']],
    ['published', 'realised', ['receivedAt', 'publishedAt', 'startedAt', 'realisedAt']],
  ] as const)('skipping from %s to %s stamps the skipped steps too', async (from, to, stamps) => {
    const plan = await setStatus((await createPlan(from)).id, to)
    expect(stamped(plan)).toEqual(stamps)
  })

  it('a plan created straight into 実現 gets every earlier stamp', async () => {
    expect(stamped(await createPlan('realised'))).toEqual(['receivedAt', 'publishedAt', 'startedAt', 'realisedAt'])
  })

  it.each(['received', 'published', 'in_progress'] as const)('取り下げ from %s stamps withdrawnAt only', async (from) => {
    const before = await createPlan(from)
    const plan = await setStatus(before.id, 'withdrawn')
    expect(plan.lifecycle?.withdrawnAt).toBeTruthy()
    expect(stamped(plan)).toEqual([...stamped(before), 'withdrawnAt'])
  })

  it.each([
    ['realised', 'published', '「実現」から「公開」'],
    ['in_progress', 'received', '「進行中」から「受付」'],
    ['published', 'received', '「公開」から「受付」'],
    ['withdrawn', 'published', '「取り下げ」から「公開」'],
    ['realised', 'withdrawn', '「実現」から「取り下げ」'],
  ] as const)('refuses going back from %s to %s, in Japanese', async (from, to, message) => {
    const plan = await createPlan(from)
    await expect(setStatus(plan.id, to)).rejects.toThrow(message)
    // Nothing was written.
    const stored = await payload.findByID({ collection: 'plans', id: plan.id })
    expect(stored.status).toBe(from)
    expect(stored.lifecycle).toEqual(plan.lifecycle)
  })
})

describe('residents proposing through the site', () => {
  it('cannot set the status: the plan stays 受付 with only receivedAt', async () => {
    const plan = (await submitViaSite(payload, 'plans', planData({ status: 'realised' }))) as Plan
    const stored = await payload.findByID({ collection: 'plans', id: plan.id })
    expect(stored.status).toBe('received')
    expect(stamped(stored)).toEqual(['receivedAt'])
  })

  it('cannot forge lifecycle stamps', async () => {
    // Stamps are the record of when staff moved the plan on; a resident's form must not back-date or pre-fill them.
    const forged = {
      receivedAt: '2001-01-01T00:00:00.000Z',
      publishedAt: '2001-01-02T00:00:00.000Z',
      realisedAt: '2001-01-03T00:00:00.000Z',
    }
    const plan = (await submitViaSite(payload, 'plans', planData({ lifecycle: forged }))) as Plan
    const stored = await payload.findByID({ collection: 'plans', id: plan.id })
    expect(stamped(stored)).toEqual(['receivedAt'])
    expect(stored.lifecycle?.receivedAt).not.toBe(forged.receivedAt)
  })

  it('without the site channel an anonymous caller cannot create a plan at all', async () => {
    await expect(payload.create({ collection: 'plans', data: planData(), overrideAccess: false })).rejects.toThrow()
  })
})
