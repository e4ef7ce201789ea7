import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cheerTargetsOf } from '../../cms/lib/cheerTarget'
import { down, up } from '../../cms/migrations/20261124_234849_cheer_target_columns'
import { onJongodb, planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

// A cheer names exactly one target, in one of three columns of its own row (cms/lib/cheerTarget.ts).

let payload: Payload
const ids: Record<'story' | 'citizen' | 'plan', number | string> = { story: 0, citizen: 0, plan: 0 }

beforeAll(async () => {
  payload = await bootPayload()
  ids.story = (await payload.create({ collection: 'stories', data: storyData({ title: '拍手の相手', _status: 'published' } as never) })).id
  ids.citizen = (
    await payload.create({ collection: 'citizens', data: { displayName: '拍手される人', town: '大東町', status: 'registered' } as never })
  ).id
  ids.plan = (await payload.create({ collection: 'plans', data: planData({ status: 'published' } as never) })).id
})
afterAll(() => shutdownPayload(payload))

const fromSite = { overrideAccess: false, context: { channel: 'site' } } as const

describe('a cheer’s target', () => {
  it.each([
    ['no target', {}],
    ['two targets', { story: 'story', plan: 'plan' }],
    ['three targets', { story: 'story', citizen: 'citizen', plan: 'plan' }],
  ] as const)('refuses %s with a Japanese message, storing nothing', async (_, fields) => {
    const before = (await payload.count({ collection: 'cheers' })).totalDocs
    const data = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, ids[key as keyof typeof ids]]))
    const error = await payload.create({ collection: 'cheers', data: data as never, ...fromSite }).then(
      () => null,
      (e: unknown) => e as { data?: { errors?: { message: string }[] } },
    )
    expect(error?.data?.errors?.map((e) => e.message)).toEqual([
      '拍手の相手（ストーリー、えすこ市民、プランのどれか1つ）を選んでください。',
    ])
    expect((await payload.count({ collection: 'cheers' })).totalDocs).toBe(before)
  })

  it.each(['story', 'citizen', 'plan'] as const)('accepts a cheer for a %s and finds it by that field', async (field) => {
    const cheer = await payload.create({ collection: 'cheers', data: { [field]: ids[field] } as never, ...fromSite })
    expect(cheerTargetsOf(cheer).map((t) => String(t.id))).toEqual([String(ids[field])])
    const found = await payload.find({ collection: 'cheers', where: { [field]: { equals: ids[field] } }, depth: 0 })
    expect(found.docs.map((d) => d.id)).toContain(cheer.id)
  })

  it('keeps the target when an editor moderates the message', async () => {
    const cheer = await payload.create({ collection: 'cheers', data: { story: ids.story, message: 'ありがとう' } as never, ...fromSite })
    const updated = await payload.update({ collection: 'cheers', id: cheer.id, data: { messageStatus: 'approved' } })
    expect(cheerTargetsOf(updated).map((t) => t.type)).toEqual(['stories'])
  })

  // SQLite only: the migration that moved targets out of the polymorphic relationship table, down and up again.
  it.skipIf(onJongodb)('migrates every cheer’s target between the old relationship table and the columns, both ways', async () => {
    const { docs } = await payload.find({ collection: 'cheers', pagination: false, depth: 0 })
    const before = new Map(docs.map((d) => [String(d.id), cheerTargetsOf(d).map((t) => `${t.type}:${t.id}`)]))
    expect(before.size).toBeGreaterThanOrEqual(4)
    const db = (payload.db as unknown as { drizzle: unknown }).drizzle
    await down({ db, payload } as never)
    const rels = await (db as { all: (q: unknown) => Promise<unknown[]> }).all(sql.raw('SELECT parent_id FROM cheers_rels'))
    expect(rels.length).toBe(before.size)
    await up({ db, payload } as never)
    const after = await payload.find({ collection: 'cheers', pagination: false, depth: 0 })
    expect(new Map(after.docs.map((d) => [String(d.id), cheerTargetsOf(d).map((t) => `${t.type}:${t.id}`)]))).toEqual(before)
  })
})
