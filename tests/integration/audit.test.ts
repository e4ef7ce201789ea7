import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { auditEntries, citizenData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
let admin: Awaited<ReturnType<typeof createUser>>
let since: string

const PRIVATE_EMAIL = 'very.private@example.jp'
const PRIVATE_NAME = '秘密 花子'

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
})
afterAll(() => shutdownPayload(payload))
// Each test looks only at the entries written during it.
beforeEach(async () => {
  await new Promise((r) => setTimeout(r, 5))
  since = new Date().toISOString()
  await new Promise((r) => setTimeout(r, 5))
})

const entriesSince = (where = {}) => auditEntries(payload, { and: [{ at: { greater_than: since } }, where] })
// Of one story: other collections' documents (a redirect row written when a story is unpublished) can share its id.
const actionsFor = async (docId: number | string) =>
  (await entriesSince({ and: [{ collectionSlug: { equals: 'stories' } }, { docId: { equals: String(docId) } }] })).map((e) => e.action)
const as = { user: undefined as never, overrideAccess: false }

describe('changes by a signed-in editor', () => {
  it('create, update, publish, feature, unfeature, unpublish and delete each leave an entry', async () => {
    const opts = { ...as, user: editor }
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '記録される話', _status: 'draft' }),
      draft: true,
      ...opts,
    })
    expect(await actionsFor(story.id)).toEqual(['create'])

    const steps = [
      [{ lead: 'リードを追加' }, ['update']],
      [{ _status: 'published' }, ['update', 'publish']],
      [{ featured: true }, ['update', 'feature']],
      [{ featured: false }, ['update', 'unfeature']],
      [{ _status: 'draft' }, ['update', 'unpublish']],
    ] as const
    for (const [data, expected] of steps) {
      since = new Date().toISOString()
      await new Promise((r) => setTimeout(r, 5))
      await payload.update({ collection: 'stories', id: story.id, data, ...opts })
      expect(await actionsFor(story.id), JSON.stringify(data)).toEqual(expected)
    }

    since = new Date().toISOString()
    await payload.delete({ collection: 'stories', id: story.id, ...opts })
    expect(await actionsFor(story.id)).toEqual(['delete'])
  })

  it('records who did it, in which collection, on which document, and the changed field names', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '誰が変えたか', _status: 'published' }),
      user: editor,
      overrideAccess: false,
    })
    since = new Date().toISOString()
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: '新しい題', lead: '新しいリード' },
      user: editor,
      overrideAccess: false,
    })
    const [entry] = await entriesSince({ action: { equals: 'update' } })
    expect(entry).toMatchObject({ collectionSlug: 'stories', docId: String(story.id), user: editor.id, channel: 'admin' })
    expect(entry.fields).toEqual(expect.arrayContaining(['title', 'lead']))
    expect(entry.fields).not.toContain('slug')
    expect(JSON.stringify(entry)).not.toContain('新しい題')
  })

  it('saving a draft of a published story is not an unpublish', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '公開中の話', _status: 'published' }),
      user: editor,
      overrideAccess: false,
    })
    since = new Date().toISOString()
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: '下書きの変更' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    // The published version is still live, so the log must not say it was taken down.
    expect(await actionsFor(story.id)).toEqual(['update'])
    expect((await payload.findByID({ collection: 'stories', id: story.id, overrideAccess: false })).title).toBe('公開中の話')
  })

  it('never writes personal values, only the names of what changed', async () => {
    const citizen = await payload.create({
      collection: 'citizens',
      data: citizenData({ private: { legalName: PRIVATE_NAME, email: PRIVATE_EMAIL } }),
      user: editor,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'citizens',
      id: citizen.id,
      data: { private: { email: 'other.' + PRIVATE_EMAIL, notes: '体調に配慮' } },
      user: editor,
      overrideAccess: false,
    })
    await payload.findByID({ collection: 'citizens', id: citizen.id, user: editor, overrideAccess: false })
    const entries = await entriesSince({ docId: { equals: String(citizen.id) } })
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'read_personal']))
    expect(entries.find((e) => e.action === 'update')?.fields).toEqual(['private'])
    const json = JSON.stringify(await auditEntries(payload))
    for (const secret of [PRIVATE_EMAIL, PRIVATE_NAME, '体調に配慮', 'very.private']) expect(json).not.toContain(secret)
  })
})

describe('reading personal data', () => {
  let citizenId: number | string
  beforeAll(async () => {
    citizenId = (await payload.create({ collection: 'citizens', data: citizenData({ private: { email: PRIVATE_EMAIL } }) })).id
  })

  it.each([
    ['findByID', () => payload.findByID({ collection: 'citizens', id: citizenId, user: editor, overrideAccess: false })],
    ['find', () => payload.find({ collection: 'citizens', where: { id: { equals: citizenId } }, user: editor, overrideAccess: false })],
  ])('an editor reading a citizen (%s) is logged as read_personal', async (_label, read) => {
    await read()
    const [entry, ...more] = await entriesSince({ action: { equals: 'read_personal' } })
    expect(more).toEqual([])
    expect(entry).toMatchObject({ collectionSlug: 'citizens', docId: String(citizenId), user: editor.id, fields: ['private'] })
  })

  it.each([
    ['anonymous', () => payload.find({ collection: 'citizens', overrideAccess: false })],
    [
      'an organisation manager',
      async () => payload.find({ collection: 'citizens', overrideAccess: false, user: await createUser(payload, 'organisation') }),
    ],
    ['server code without a user', () => payload.find({ collection: 'citizens' })],
  ])('%s reading citizens logs nothing', async (_label, read) => {
    const { docs } = await read()
    expect(docs.length).toBeGreaterThan(0)
    expect(await entriesSince({ action: { equals: 'read_personal' } })).toEqual([])
  })

  it('a citizen with empty private data is not logged as personal', async () => {
    const bare = await payload.create({ collection: 'citizens', data: citizenData({ private: {} }) })
    since = new Date().toISOString()
    await payload.findByID({ collection: 'citizens', id: bare.id, user: editor, overrideAccess: false })
    expect(await entriesSince({ action: { equals: 'read_personal' } })).toEqual([])
  })
})

describe('the log itself', () => {
  let entryId: number | string
  beforeAll(async () => {
    await payload.create({ collection: 'stories', data: storyData({ title: '記録のための話' }), user: editor, overrideAccess: false })
    entryId = (await auditEntries(payload))[0].id
  })

  it.each([
    [
      'update',
      () => payload.update({ collection: 'audit-log', id: entryId, data: { summary: '改ざん' }, user: admin, overrideAccess: false }),
    ],
    ['delete', () => payload.delete({ collection: 'audit-log', id: entryId, user: admin, overrideAccess: false })],
    [
      'create',
      () =>
        payload.create({
          collection: 'audit-log',
          data: { at: new Date().toISOString(), action: 'create', collectionSlug: 'stories' },
          user: admin,
          overrideAccess: false,
        }),
    ],
    ['bulk delete', () => payload.delete({ collection: 'audit-log', where: { id: { exists: true } }, user: admin, overrideAccess: false })],
  ])('cannot be changed by an admin: %s', async (_label, attempt) => {
    const before = await auditEntries(payload)
    await expect(attempt()).rejects.toThrow()
    expect((await auditEntries(payload)).map((e) => [e.id, e.summary])).toEqual(before.map((e) => [e.id, e.summary]))
  })

  it.each([
    ['editor', true],
    ['coordinator', false],
    ['organisation', false],
  ] as const)('%s can read it: %s', async (role, allowed) => {
    const user = await createUser(payload, role)
    const read = payload.find({ collection: 'audit-log', user, overrideAccess: false })
    if (allowed) await expect(read).resolves.toMatchObject({ totalDocs: expect.any(Number) })
    else await expect(read).rejects.toThrow()
  })

  it('anonymous readers cannot list it', async () => {
    await expect(payload.find({ collection: 'audit-log', overrideAccess: false })).rejects.toThrow()
  })
})
