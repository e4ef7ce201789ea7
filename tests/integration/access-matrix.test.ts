import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import {
  ACTORS,
  type Actor,
  COLLECTIONS,
  type Id,
  type Slug,
  type World,
  buildWorld,
  freshTarget,
  newDocData,
  updateOf,
} from '../helpers/accessWorld'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * Every role and anonymous × every collection × create/read/update/delete, through the Local API with
 * access control on and through Payload's REST handlers, checked against what is stored afterwards.
 */

let payload: Payload
let world: World

beforeAll(async () => {
  payload = await bootPayload()
  world = await buildWorld(payload)
})
afterAll(() => shutdownPayload(payload))

/** all: every document; public: the visible one only; self: only the reader's own account; none: refused. */
type ReadScope = 'all' | 'public' | 'self' | 'none'
type Rule = { create: Actor[]; read: Record<Actor, ReadScope>; update: Actor[]; delete: Actor[] }

const STAFF: Actor[] = ['coordinator', 'editor', 'admin']
const EDITORS: Actor[] = ['editor', 'admin']
const NOBODY: Actor[] = []
const read = (scopes: Partial<Record<Actor, ReadScope>>, rest: ReadScope): Record<Actor, ReadScope> =>
  Object.fromEntries(ACTORS.map((a) => [a, scopes[a] ?? rest])) as Record<Actor, ReadScope>
const publicOrStaff = read({ anonymous: 'public', organisation: 'public' }, 'all')
const staffOnly = read({ anonymous: 'none', organisation: 'none' }, 'all')
const editorsOnly = read({ editor: 'all', admin: 'all' }, 'none')
const everyone = read({}, 'all')

const MATRIX: Record<Slug, Rule> = {
  stories: { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  citizens: { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  // Organisation managers read the connections made with their own organisations.
  connections: { create: STAFF, read: read({ anonymous: 'none', organisation: 'public' }, 'all'), update: STAFF, delete: EDITORS },
  plans: { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  'support-offers': { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  events: { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  'event-registrations': { create: STAFF, read: staffOnly, update: STAFF, delete: EDITORS },
  // The update target is an organisation the manager does not manage (their own: organisation-managers.test.ts).
  organisations: { create: STAFF, read: publicOrStaff, update: STAFF, delete: EDITORS },
  cheers: { create: STAFF, read: everyone, update: EDITORS, delete: EDITORS },
  'survey-responses': { create: STAFF, read: editorsOnly, update: EDITORS, delete: EDITORS },
  participants: { create: NOBODY, read: staffOnly, update: NOBODY, delete: EDITORS },
  media: { create: ['organisation', ...STAFF], read: everyone, update: STAFF, delete: EDITORS },
  'deletion-requests': { create: STAFF, read: editorsOnly, update: EDITORS, delete: NOBODY },
  users: { create: ['admin'], read: read({ anonymous: 'none', admin: 'all' }, 'self'), update: ['admin'], delete: ['admin'] },
  'audit-log': { create: NOBODY, read: editorsOnly, update: NOBODY, delete: NOBODY },
  // Derived counts, written only by the server; town cells can be small, so editors only.
  'kpi-tallies': { create: NOBODY, read: editorsOnly, update: NOBODY, delete: NOBODY },
  // Old page addresses (301/410): nothing personal, so everyone reads them; editors keep them.
  redirects: { create: EDITORS, read: everyone, update: EDITORS, delete: EDITORS },
}

type Channel = 'Local API' | 'REST'
const CHANNELS: Channel[] = ['Local API', 'REST']

const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : world.users[actor])
const tokenOf = (actor: Actor) => world.tokens[actor]
const stored = (slug: Slug, id: Id) =>
  payload.findByID({ collection: slug, id, depth: 0, overrideAccess: true, disableErrors: true, draft: true })
const count = async (slug: Slug) => (await payload.count({ collection: slug, overrideAccess: true })).totalDocs

/** Ids the actor gets from a list read, or null when the read is refused. */
async function listIds(channel: Channel, actor: Actor, slug: Slug): Promise<string[] | null> {
  if (channel === 'Local API') {
    try {
      const { docs } = await payload.find({ collection: slug, overrideAccess: false, user: userOf(actor), pagination: false, depth: 0 })
      return docs.map((d) => String(d.id))
    } catch {
      return null
    }
  }
  const res = await rest('GET', `/api/${slug}?depth=0&pagination=false`, { token: tokenOf(actor) })
  if (res.status !== 200) return null
  return (res.json.docs as { id: Id }[]).map((d) => String(d.id))
}

/** Whether the actor can read one document by id. */
async function canReadById(channel: Channel, actor: Actor, slug: Slug, id: Id): Promise<boolean> {
  if (channel === 'Local API') {
    try {
      const doc = await payload.findByID({ collection: slug, id, overrideAccess: false, user: userOf(actor), depth: 0 })
      return String(doc.id) === String(id)
    } catch {
      return false
    }
  }
  const res = await rest('GET', `/api/${slug}/${id}?depth=0`, { token: tokenOf(actor) })
  return res.status === 200 && String(res.json?.id) === String(id)
}

async function tryCreate(channel: Channel, actor: Actor, slug: Slug): Promise<boolean> {
  const { data, file, draft } = newDocData(world, slug)
  if (channel === 'Local API') {
    try {
      await payload.create({ collection: slug, data: data as never, file, draft, overrideAccess: false, user: userOf(actor) })
      return true
    } catch {
      return false
    }
  }
  const path = `/api/${slug}${draft ? '?draft=true' : ''}`
  if (file) {
    const form = new FormData()
    form.append('file', new Blob([file.data], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify(data))
    return (await rest('POST', path, { token: tokenOf(actor), form })).status === 201
  }
  return (await rest('POST', path, { token: tokenOf(actor), body: data })).status === 201
}

async function tryUpdate(channel: Channel, actor: Actor, slug: Slug, id: Id, data: Record<string, unknown>): Promise<boolean> {
  if (channel === 'Local API') {
    try {
      await payload.update({ collection: slug, id, data: data as never, overrideAccess: false, user: userOf(actor) })
      return true
    } catch {
      return false
    }
  }
  return (await rest('PATCH', `/api/${slug}/${id}`, { token: tokenOf(actor), body: data })).status === 200
}

async function tryDelete(channel: Channel, actor: Actor, slug: Slug, id: Id): Promise<boolean> {
  if (channel === 'Local API') {
    try {
      await payload.delete({ collection: slug, id, overrideAccess: false, user: userOf(actor) })
      return true
    } catch {
      return false
    }
  }
  return (await rest('DELETE', `/api/${slug}/${id}`, { token: tokenOf(actor) })).status === 200
}

const cases = (op: keyof Rule) =>
  COLLECTIONS.flatMap((slug) =>
    CHANNELS.flatMap((channel) =>
      ACTORS.map((actor) => {
        const rule = MATRIX[slug][op]
        const expected = Array.isArray(rule) ? (rule.includes(actor) ? 'allowed' : 'refused') : rule[actor]
        return { slug, channel, actor, expected } as { slug: Slug; channel: Channel; actor: Actor; expected: string }
      }),
    ),
  )

describe('create', () => {
  it.each(cases('create'))('$slug · $actor via $channel: $expected', async ({ slug, channel, actor, expected }) => {
    const before = await count(slug)
    const ok = await tryCreate(channel, actor, slug)
    expect(ok).toBe(expected === 'allowed')
    expect(await count(slug)).toBe(before + (expected === 'allowed' ? 1 : 0))
  })
})

describe('read', () => {
  it.each(cases('read'))('$slug · $actor via $channel: $expected', async ({ slug, channel, actor, expected }) => {
    const { visible, hidden } = world.docs[slug]
    const ids = await listIds(channel, actor, slug)
    const byId = await canReadById(channel, actor, slug, hidden)
    switch (expected) {
      case 'none':
        expect(ids).toBeNull()
        expect(byId).toBe(false)
        break
      case 'self':
        expect(ids).toEqual([String(world.users[actor as Exclude<Actor, 'anonymous'>].id)])
        expect(byId).toBe(false)
        break
      case 'public':
        expect(ids).toContain(String(visible))
        expect(ids).not.toContain(String(hidden))
        expect(byId).toBe(false)
        break
      case 'all':
        if (visible !== undefined) expect(ids).toContain(String(visible))
        expect(ids).toContain(String(hidden))
        expect(byId).toBe(true)
        break
    }
  })
})

describe('update', () => {
  it.each(cases('update'))('$slug · $actor via $channel: $expected', async ({ slug, channel, actor, expected }) => {
    const id = await freshTarget(world, slug)
    const { field, value } = updateOf(slug)
    const before = (await stored(slug, id)) as unknown as Record<string, unknown>
    const ok = await tryUpdate(channel, actor, slug, id, { [field]: value })
    const after = (await stored(slug, id)) as unknown as Record<string, unknown>
    expect(ok).toBe(expected === 'allowed')
    expect(after[field]).toEqual(expected === 'allowed' ? value : before[field])
  })
})

describe('delete', () => {
  it.each(cases('delete'))('$slug · $actor via $channel: $expected', async ({ slug, channel, actor, expected }) => {
    const id = await freshTarget(world, slug)
    const ok = await tryDelete(channel, actor, slug, id)
    expect(ok).toBe(expected === 'allowed')
    expect(await stored(slug, id)).toEqual(expected === 'allowed' ? null : expect.objectContaining({ id }))
  })
})
