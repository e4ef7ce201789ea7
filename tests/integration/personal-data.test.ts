import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '../../cms/domain/ids'
import { type ApiResponse, graphql, graphqlUnavailable, qs, rest } from '../helpers/api'
import {
  ACTORS,
  type Actor,
  COLLECTIONS,
  type Id,
  PERSONAL_GROUPS,
  type PersonalGroup,
  type World,
  allSecrets,
  buildWorld,
} from '../helpers/accessWorld'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * Personal fields (field-level access), drafts and unpublished documents, through the Local API with
 * access control on, REST (depth, select, where, drafts, versions) and GraphQL.
 */

let payload: Payload
let world: World
let graphqlDown: string | undefined

beforeAll(async () => {
  payload = await bootPayload()
  world = await buildWorld(payload)
  graphqlDown = await graphqlUnavailable()
})
afterAll(() => shutdownPayload(payload))

type Doc = Record<string, any>
const userOf = (actor: Actor) => (actor === 'anonymous' ? undefined : world.users[actor])
const tokenOf = (actor: Actor) => world.tokens[actor]
const groupName = (g: PersonalGroup) => `${g.slug}.${g.path}`
const worldDocs = (g: PersonalGroup): Id[] =>
  [world.docs[g.slug as keyof World['docs']].visible, world.docs[g.slug as keyof World['docs']].hidden].filter(
    (id): id is Id => id !== undefined,
  )
const registrant = (g: PersonalGroup, id: Id) => (g.slug === 'citizens' ? world.registrantOf[String(id)] : undefined)
const stored = async (g: PersonalGroup, id: Id) =>
  (await payload.findByID({ collection: g.slug, id, depth: 0, overrideAccess: true, context: { audit: false } })) as Doc

/** The personal values of one document, as leaves: [label, value]. */
const leaves = (g: PersonalGroup, doc: Doc): [string, unknown][] =>
  g.fields.length === 0 ? [[g.path, doc?.[g.path]]] : g.fields.map((f) => [`${g.path}.${f}`, doc?.[g.path]?.[f]])

/** The strings among a document's personal values (what must never appear in a response). */
const secretStrings = async (g: PersonalGroup, id: Id) =>
  leaves(g, await stored(g, id))
    .map(([, v]) => v)
    .filter((v): v is string => typeof v === 'string' && v.length > 8 && !/^\d{4}-\d\d-\d\dT/.test(v))

// Relationships to users: GraphQL populates them under the users' own read access, so a reader may get null.
const USER_RELATIONS = new Set(['consent.enteredBy', 'registeredBy'])

/**
 * Checks the documents a reader got: readers see the stored values, everyone else sees none of them.
 * GraphQL answers a field it withholds with null rather than leaving it out.
 */
async function expectPersonal(g: PersonalGroup, actor: Actor, docs: Doc[], text: string, viaGraphql = false) {
  for (const id of worldDocs(g)) {
    const canRead = g.readers(actor, registrant(g, id))
    const doc = docs.find((d) => String(d?.id) === String(id))
    if (!canRead) {
      for (const secret of await secretStrings(g, id)) expect(text).not.toContain(secret)
    }
    if (!doc) continue
    const want = leaves(g, await stored(g, id))
    for (const [[label, got], [, value]] of leaves(g, doc).map((leaf, i) => [leaf, want[i]] as const)) {
      if (canRead && viaGraphql && USER_RELATIONS.has(label) && got === null) continue
      if (canRead) expect({ [label]: String(idOf(got)) }).toEqual({ [label]: String(idOf(value)) })
      else expect({ [label]: viaGraphql && got === null ? undefined : got }).toEqual({ [label]: undefined })
    }
  }
}

type Read = { docs: Doc[]; text: string; refused: boolean }
const fromRest = (res: ApiResponse, single = false): Read => ({
  docs: res.status === 200 ? (single ? [res.json] : res.json.docs) : [],
  text: res.text,
  refused: res.status !== 200,
})

const READS: Record<string, (g: PersonalGroup, actor: Actor) => Promise<Read>> = {
  'Local API find (depth 2)': async (g, actor) => {
    try {
      const result = await payload.find({ collection: g.slug, overrideAccess: false, user: userOf(actor), depth: 2, pagination: false })
      return { docs: result.docs as Doc[], text: JSON.stringify(result), refused: false }
    } catch (error) {
      return { docs: [], text: String(error), refused: true }
    }
  },
  'Local API findByID': async (g, actor) => {
    const docs: Doc[] = []
    for (const id of worldDocs(g)) {
      try {
        docs.push((await payload.findByID({ collection: g.slug, id, overrideAccess: false, user: userOf(actor), depth: 1 })) as Doc)
      } catch {
        // refused or not found: nothing to read
      }
    }
    return { docs, text: JSON.stringify(docs), refused: docs.length === 0 }
  },
  'Local API select': async (g, actor) => {
    try {
      // registeredBy is selected too: the registrant rule needs it to let a coordinator read.
      const select = g.slug === 'citizens' ? { [g.path]: true, registeredBy: true } : { [g.path]: true }
      const result = await payload.find({
        collection: g.slug,
        overrideAccess: false,
        user: userOf(actor),
        select: select as never,
        pagination: false,
      })
      return { docs: result.docs as Doc[], text: JSON.stringify(result), refused: false }
    } catch (error) {
      return { docs: [], text: String(error), refused: true }
    }
  },
  'REST find ?depth=2': async (g, actor) =>
    fromRest(await rest('GET', `/api/${g.slug}?depth=2&pagination=false`, { token: tokenOf(actor) })),
  'REST findByID': async (g, actor) => {
    const reads = await Promise.all(
      worldDocs(g).map(async (id) => fromRest(await rest('GET', `/api/${g.slug}/${id}?depth=2`, { token: tokenOf(actor) }), true)),
    )
    return { docs: reads.flatMap((r) => r.docs), text: reads.map((r) => r.text).join('\n'), refused: reads.every((r) => r.refused) }
  },
  'REST select': async (g, actor) => {
    const select = g.slug === 'citizens' ? { [g.path]: 'true', registeredBy: 'true' } : { [g.path]: 'true' }
    return fromRest(await rest('GET', `/api/${g.slug}${qs({ select, pagination: 'false' })}`, { token: tokenOf(actor) }))
  },
}

describe.each(PERSONAL_GROUPS.map((g) => ({ ...g, name: groupName(g) })))('personal data $name', (g) => {
  it.each(
    Object.keys(READS).flatMap((read) =>
      ACTORS.map((actor) => ({ read, actor, who: g.readers(actor, 'coordinator') ? 'reader' : 'not a reader' })),
    ),
  )('$actor ($who) via $read', async ({ read, actor }) => {
    const { docs, text } = await READS[read](g, actor)
    await expectPersonal(g, actor, docs, text)
    // Readers must actually have received documents, or the check above proves nothing.
    if (g.readers(actor, 'coordinator')) expect(docs.length).toBeGreaterThan(0)
  })
})

/** Groups with an e-mail: a where on it must not tell a non-reader anything (no match, no count). */
const EMAIL_GROUPS = PERSONAL_GROUPS.filter((g) => g.fields.includes('email'))
const NON_READERS: Actor[] = ['anonymous', 'organisation']

describe('where on personal fields reveals nothing to non-readers', () => {
  const cases = EMAIL_GROUPS.flatMap((g) => NON_READERS.map((actor) => ({ name: groupName(g), g, actor })))

  it.each(cases)('$name · $actor via REST find and count', async ({ g, actor }) => {
    const secret = (await stored(g, worldDocs(g)[0]))[g.path].email as string
    const probe = async (where: Record<string, unknown>) => {
      const list = await rest('GET', `/api/${g.slug}${qs({ where: where as never, depth: '0' })}`, { token: tokenOf(actor) })
      const count = await rest('GET', `/api/${g.slug}/count${qs({ where: where as never })}`, { token: tokenOf(actor) })
      expect(list.text).not.toContain(secret)
      return {
        ids: list.status === 200 ? list.json.docs.map((d: Doc) => d.id) : 'refused',
        total: count.status === 200 ? count.json.totalDocs : 'refused',
      }
    }
    const nobody = await probe({ [`${g.path}.email`]: { equals: 'nobody@nowhere.example' } })
    expect(await probe({ [`${g.path}.email`]: { equals: secret } })).toEqual(nobody)
    expect(await probe({ [`${g.path}.email`]: { exists: 'true' } })).toEqual(nobody)
    expect(await probe({ [`${g.path}.email`]: { like: 'leak-' } })).toEqual(nobody)
    expect(await probe({ or: [{ [`${g.path}.email`]: { contains: '@secret.example' } }, { id: { equals: -1 } }] })).toEqual(nobody)
    // Sorting by a private field would order the results by it.
    const sorted = await rest('GET', `/api/${g.slug}${qs({ sort: `${g.path}.email` })}`, { token: tokenOf(actor) })
    expect(sorted.status).not.toBe(200)
  })

  it.each(cases)('$name · $actor via the Local API', async ({ g, actor }) => {
    const secret = (await stored(g, worldDocs(g)[0]))[g.path].email as string
    const probe = async (value: string) =>
      payload
        .find({
          collection: g.slug,
          overrideAccess: false,
          user: userOf(actor),
          where: { [`${g.path}.email`]: { equals: value } },
          depth: 0,
        })
        .then((r) => r.docs.map((d) => d.id))
        .catch(() => 'refused')
    expect(await probe(secret)).toEqual(await probe('nobody@nowhere.example'))
  })

  it('a coordinator cannot search citizens by private data at all, not even their own', async () => {
    // Payload checks where-permissions without a document, so coordinators get no private-field queries.
    const g = PERSONAL_GROUPS[0]
    const own = world.docs.citizens.visible!
    const secret = (await stored(g, own)).private.email as string
    const probe = async (value: string) =>
      (
        await rest('GET', `/api/citizens${qs({ where: { 'private.email': { equals: value } }, depth: '0' })}`, {
          token: tokenOf('coordinator'),
        })
      ).status
    expect(await probe(secret)).toBeGreaterThanOrEqual(400)
    expect(await probe(secret)).toBe(await probe('nobody@nowhere.example'))
  })
})

describe('coordinators and the citizens other coordinators registered', () => {
  const other = () => world.docs.citizens.hidden
  it('cannot claim an unregistered citizen by sending registeredBy', async () => {
    const orphan = await payload.create({
      collection: 'citizens',
      data: { displayName: '登録者なし', town: '掛合町', private: { email: 'orphan-private@secret.example' } } as never,
    })
    expect(orphan.registeredBy ?? null).toBeNull()
    const coordinator = world.users.coordinator
    await payload.update({
      collection: 'citizens',
      id: orphan.id,
      overrideAccess: false,
      user: coordinator,
      data: { registeredBy: coordinator.id, private: { email: 'overwritten@secret.example' } } as never,
    })
    const res = await rest('GET', `/api/citizens/${orphan.id}?depth=0`, { token: tokenOf('coordinator') })
    expect(res.text).not.toContain('orphan-private@secret.example')
    const after = await payload.findByID({ collection: 'citizens', id: orphan.id, overrideAccess: true, depth: 0 })
    expect(after.registeredBy ?? null).toBeNull()
    expect(after.private?.email).toBe('orphan-private@secret.example')
  })

  it('cannot overwrite the private data of a citizen another coordinator registered', async () => {
    const before = await payload.findByID({ collection: 'citizens', id: other(), overrideAccess: true, depth: 0 })
    const res = await rest('PATCH', `/api/citizens/${other()}`, {
      token: tokenOf('coordinator'),
      body: { intro: '更新', private: { email: 'hijack@secret.example' }, registeredBy: world.users.coordinator.id },
    })
    expect(res.status).toBe(200)
    expect(res.text).not.toContain(before.private!.email!)
    const after = await payload.findByID({ collection: 'citizens', id: other(), overrideAccess: true, depth: 0 })
    expect(after.private).toEqual(before.private)
    expect(idOf(after.registeredBy)).toEqual(idOf(before.registeredBy))
  })
})

describe('drafts, unpublished documents and versions', () => {
  const drafts = () => allSecrets(world, 'drafts')

  it.each(['anonymous', 'organisation'] as const)('%s never sees a draft through REST ?draft=true', async (actor) => {
    const token = tokenOf(actor)
    const responses = [
      await rest('GET', '/api/stories?draft=true&depth=2&pagination=false', { token }),
      await rest('GET', `/api/stories/${world.extra.storyDraft}?draft=true`, { token }),
      await rest('GET', `/api/stories/${world.extra.storyPublishedWithDraft}?draft=true`, { token }),
      await rest('GET', `/api/stories${qs({ draft: 'true', where: { title: { like: 'SECRET' } } })}`, { token }),
      await rest('GET', '/api/events?draft=true&depth=2&pagination=false', { token }),
      await rest('GET', `/api/events/${world.docs.events.hidden}?draft=true`, { token }),
    ]
    for (const res of responses) for (const secret of drafts()) expect(res.text).not.toContain(secret)
    expect(responses[1].status).toBe(404)
  })

  it.each(['anonymous', 'organisation'] as const)('%s cannot read versions through REST', async (actor) => {
    const token = tokenOf(actor)
    const { docs } = await payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: world.extra.storyPublishedWithDraft } },
      overrideAccess: true,
    })
    const responses = [
      await rest('GET', '/api/stories/versions?depth=2', { token }),
      await rest('GET', `/api/stories/versions/${docs[0].id}`, { token }),
      await rest('GET', '/api/events/versions', { token }),
    ]
    for (const res of responses) {
      expect(res.status).toBe(403)
      for (const secret of [...drafts(), ...allSecrets(world, 'stories')]) expect(res.text).not.toContain(secret)
    }
  })

  it.each(['anonymous', 'organisation'] as const)('%s cannot read drafts or versions through the Local API', async (actor) => {
    const user = userOf(actor)
    const found = await payload.find({ collection: 'stories', draft: true, overrideAccess: false, user, pagination: false })
    for (const secret of drafts()) expect(JSON.stringify(found)).not.toContain(secret)
    await expect(
      payload.findByID({ collection: 'stories', id: world.extra.storyDraft, draft: true, overrideAccess: false, user }),
    ).rejects.toThrow()
    await expect(payload.findVersions({ collection: 'stories', overrideAccess: false, user })).rejects.toThrow()
    await expect(payload.findVersions({ collection: 'events', overrideAccess: false, user })).rejects.toThrow()
  })

  it('staff do see the newer draft and the versions (so the checks above can fail)', async () => {
    const res = await rest('GET', `/api/stories/${world.extra.storyPublishedWithDraft}?draft=true`, { token: tokenOf('coordinator') })
    expect(res.json.title).toMatch(/^SECRET-newer-draft-/)
    const versions = await rest('GET', '/api/stories/versions', { token: tokenOf('coordinator') })
    expect(versions.status).toBe(200)
    expect(versions.text).toContain(world.extra.draftTitle)
  })
})

describe('a sweep of the whole API', () => {
  const everything = async (token?: string) => {
    const responses: ApiResponse[] = []
    for (const slug of COLLECTIONS) {
      responses.push(await rest('GET', `/api/${slug}?depth=2&draft=true&pagination=false`, { token }))
      const { visible, hidden } = world.docs[slug]
      for (const id of [visible, hidden])
        if (id !== undefined) responses.push(await rest('GET', `/api/${slug}/${id}?depth=2&draft=true`, { token }))
    }
    return responses.map((r) => r.text).join('\n')
  }

  it.each(['anonymous', 'organisation'] as const)('%s finds no personal data, draft or hidden citizen anywhere', async (actor) => {
    const text = await everything(tokenOf(actor))
    const secrets = allSecrets(world)
    expect(secrets.length).toBeGreaterThan(30)
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  it('an editor does find them all (so the sweep can fail)', async () => {
    const text = await everything(tokenOf('editor'))
    for (const secret of allSecrets(world)) expect(text).toContain(secret)
  })

  it('a coordinator never finds the private data of a citizen someone else registered', async () => {
    const text = await everything(tokenOf('coordinator'))
    const g = PERSONAL_GROUPS[0]
    for (const secret of await secretStrings(g, world.docs.citizens.hidden)) expect(text).not.toContain(secret)
    for (const secret of await secretStrings(g, world.docs.citizens.visible!)) expect(text).toContain(secret)
  })
})

describe('audit of personal reads', () => {
  it('logs a staff read of personal data and not a public read', async () => {
    const countReads = async () =>
      (
        await payload.count({
          collection: 'audit-log',
          where: { action: { equals: 'read_personal' }, collectionSlug: { equals: 'plans' } },
          overrideAccess: true,
        })
      ).totalDocs
    const before = await countReads()
    await rest('GET', `/api/plans/${world.docs.plans.visible}`)
    expect(await countReads()).toBe(before)
    await rest('GET', `/api/plans/${world.docs.plans.visible}`, { token: tokenOf('editor') })
    expect(await countReads()).toBe(before + 1)
  })
})

// While Payload cannot build the GraphQL schema (non-ASCII select values), every request is refused:
// the cases check that nothing leaks then, and check field by field once it answers.
describe('GraphQL', () => {
  const PLURAL: Record<string, string> = {
    stories: 'Stories',
    citizens: 'Citizens',
    plans: 'Plans',
    'support-offers': 'SupportOffers',
    'event-registrations': 'EventRegistrations',
    'deletion-requests': 'DeletionRequests',
  }
  const selection = (g: PersonalGroup) => {
    const leaf = (f: string) => (f === 'enteredBy' ? `${f} { id }` : f)
    if (g.fields.length) return `${g.path} { ${g.fields.map(leaf).join(' ')} }`
    return g.path === 'registeredBy' ? `${g.path} { id }` : g.path
  }

  it.each(ACTORS)('refuses or hides every personal field for %s, drafts included', async (actor) => {
    for (const g of PERSONAL_GROUPS) {
      const res = await graphql(`{ ${PLURAL[g.slug]}(limit: 100, draft: true) { docs { id ${selection(g)} } } }`, { token: tokenOf(actor) })
      if (graphqlDown) {
        expect(res.status).not.toBe(200)
        for (const secret of allSecrets(world)) expect(res.text).not.toContain(secret)
        continue
      }
      await expectPersonal(g, actor, res.json?.data?.[PLURAL[g.slug]]?.docs ?? [], res.text, true)
    }
  })

  it.each(NON_READERS)('a where on personal fields tells %s nothing', async (actor) => {
    for (const g of EMAIL_GROUPS) {
      const secret = (await stored(g, worldDocs(g)[0]))[g.path].email as string
      const query = (value: string) =>
        `{ ${PLURAL[g.slug]}(where: { ${g.path}__email: { equals: ${JSON.stringify(value)} } }) { docs { id } } }`
      const hit = await graphql(query(secret), { token: tokenOf(actor) })
      const miss = await graphql(query('nobody@nowhere.example'), { token: tokenOf(actor) })
      expect(hit.text).not.toContain(secret)
      expect(hit.json?.data?.[PLURAL[g.slug]]?.docs ?? null).toEqual(miss.json?.data?.[PLURAL[g.slug]]?.docs ?? null)
    }
  })
})
