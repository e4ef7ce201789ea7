// Issue 15 point 3: old addresses follow a changed slug (301), and a page that stops being public answers 410,
// kept in the `redirects` collection by the hooks of stories, events, citizens and organisations
// (cms/hooks/maintainRedirects.ts) and read by the site through site/lib/redirects.ts.
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { invalidate } from '../../site/lib/cache'
import { findRedirect } from '../../site/lib/redirects'
import { citizenData, eventData, planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await bootPayload()
}, 60_000)
afterAll(() => shutdownPayload(payload))
beforeEach(() => invalidate(['*']))

/** Every redirect row, as staff see it: from → to, or gone. */
async function rows(): Promise<Record<string, string>> {
  const { docs } = await payload.find({ collection: 'redirects', pagination: false, depth: 0 })
  return Object.fromEntries(docs.map((d) => [d.from, d.gone ? 'gone' : d.to!]))
}
const rowsUnder = async (prefix: string) => Object.fromEntries(Object.entries(await rows()).filter(([from]) => from.startsWith(prefix)))

const publishStory = (slug: string, title = `話 ${slug}`) =>
  payload.create({ collection: 'stories', data: storyData({ title, slug, _status: 'published' }) })
const rename = (collection: 'stories' | 'events' | 'citizens' | 'organisations', id: number, slug: string) =>
  payload.update({ collection, id, data: { slug } as never })

describe('a published slug that changes', () => {
  it('leaves a 301 from the old address to the new one, which the site finds', async () => {
    const story = await publishStory('move-a')
    await rename('stories', story.id, 'move-b')
    expect(await rowsUnder('/stories/move-')).toEqual({ '/stories/move-a': '/stories/move-b' })
    expect(await findRedirect('/stories/move-a')).toEqual({ to: '/stories/move-b', gone: false })
    expect(await findRedirect('/stories/never-was')).toBeNull()
  })

  it('collapses chains: A→B→C sends A straight to C', async () => {
    const story = await publishStory('chain-a')
    await rename('stories', story.id, 'chain-b')
    await rename('stories', story.id, 'chain-c')
    expect(await rowsUnder('/stories/chain-')).toEqual({ '/stories/chain-a': '/stories/chain-c', '/stories/chain-b': '/stories/chain-c' })
    // Back to an old slug: that address is live again and holds no redirect; the others lead to it.
    await rename('stories', story.id, 'chain-a')
    expect(await rowsUnder('/stories/chain-')).toEqual({ '/stories/chain-b': '/stories/chain-a', '/stories/chain-c': '/stories/chain-a' })
  })

  it('gives an old address to a new document that takes the slug (its page wins over the redirect)', async () => {
    const first = await publishStory('reuse-a')
    await rename('stories', first.id, 'reuse-b')
    expect(await rowsUnder('/stories/reuse-')).toEqual({ '/stories/reuse-a': '/stories/reuse-b' })
    await publishStory('reuse-a', '同じスラッグの新しい話')
    expect(await rowsUnder('/stories/reuse-')).toEqual({})
    expect(await findRedirect('/stories/reuse-a')).toBeNull()
  })

  it('changes nothing while the new slug is only in a draft, and redirects once it is published', async () => {
    const story = await publishStory('draft-a')
    await payload.update({ collection: 'stories', id: story.id, data: { slug: 'draft-b' }, draft: true })
    expect(await rowsUnder('/stories/draft-')).toEqual({})
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' } })
    expect(await rowsUnder('/stories/draft-')).toEqual({ '/stories/draft-a': '/stories/draft-b' })
  })

  it('never redirects from a page that was not public', async () => {
    const draft = await payload.create({ collection: 'stories', data: storyData({ title: '下書き', slug: 'hidden-a' }), draft: true })
    await payload.update({ collection: 'stories', id: draft.id, data: { slug: 'hidden-b' }, draft: true })
    expect(await rowsUnder('/stories/hidden-')).toEqual({})
  })

  it.each([
    { collection: 'events' as const, create: () => payload.create({ collection: 'events', data: eventData({ slug: 'ev-move-a' }) }) },
    {
      collection: 'organisations' as const,
      create: () =>
        payload.create({
          collection: 'organisations',
          data: { name: '移る会', slug: 'org-move-a', kind: 'npo', published: true } as never,
        }),
    },
    {
      collection: 'citizens' as const,
      create: () => payload.create({ collection: 'citizens', data: citizenData({ slug: 'cit-move-a' }) }),
    },
  ])('works the same for $collection', async ({ collection, create }) => {
    const doc = await create()
    const old = doc.slug!
    await rename(collection, doc.id, `${old.replace(/-a$/, '')}-b`)
    expect(await rowsUnder(`/${collection}/`)).toMatchObject({ [`/${collection}/${old}`]: `/${collection}/${old.replace(/-a$/, '')}-b` })
  })
})

describe('a page that stops being public', () => {
  it('answers gone (410) at every address it had when a story is unpublished, and redirects again once republished', async () => {
    const story = await publishStory('pull-a')
    await rename('stories', story.id, 'pull-b')
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'draft' } })
    expect(await rowsUnder('/stories/pull-')).toEqual({ '/stories/pull-a': 'gone', '/stories/pull-b': 'gone' })
    expect(await findRedirect('/stories/pull-b')).toEqual({ to: null, gone: true })
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' } })
    expect(await rowsUnder('/stories/pull-')).toEqual({ '/stories/pull-a': '/stories/pull-b' })
  })

  it('answers gone when an event is deleted or an organisation unpublished', async () => {
    const event = await payload.create({ collection: 'events', data: eventData({ slug: 'ev-del' }) })
    await payload.delete({ collection: 'events', id: event.id })
    const org = await payload.create({
      collection: 'organisations',
      data: { name: '閉じる会', slug: 'org-pull', kind: 'npo', published: true } as never,
    })
    await payload.update({ collection: 'organisations', id: org.id, data: { published: false } })
    // Plans keep their id as address; a withdrawn plan is gone there too (withdrawal is final: stampPlanLifecycle).
    const plan = await payload.create({ collection: 'plans', data: planData({ title: '取り下げるプラン', status: 'published' }) })
    await payload.update({ collection: 'plans', id: plan.id, data: { status: 'in_progress' } })
    expect((await rows())[`/plans/${plan.id}`]).toBeUndefined()
    await payload.update({ collection: 'plans', id: plan.id, data: { status: 'withdrawn' } })
    const all = await rows()
    expect(all[`/plans/${plan.id}`]).toBe('gone')
    expect(all['/events/ev-del']).toBe('gone')
    expect(all['/organisations/org-pull']).toBe('gone')
  })

  it('a citizen who withdraws consent is gone at every old address and never redirected to a new slug', async () => {
    const citizen = await payload.create({ collection: 'citizens', data: citizenData({ displayName: '取り下げた方', slug: 'cit-w-a' }) })
    await rename('citizens', citizen.id, 'cit-w-b')
    await payload.update({ collection: 'citizens', id: citizen.id, data: { consent: { publication: false } } as never })
    expect(await rowsUnder('/citizens/cit-w-')).toEqual({ '/citizens/cit-w-a': 'gone', '/citizens/cit-w-b': 'gone' })
    // A new slug while not public leads nowhere: the old addresses stay gone.
    await rename('citizens', citizen.id, 'cit-w-c')
    expect(await rowsUnder('/citizens/cit-w-')).toEqual({ '/citizens/cit-w-a': 'gone', '/citizens/cit-w-b': 'gone' })
    const { docs } = await payload.find({ collection: 'redirects', where: { from: { like: '/citizens/cit-w-' } }, overrideAccess: false })
    expect(JSON.stringify(docs)).not.toContain('cit-w-c')
  })
})

describe('the redirects collection', () => {
  it('shows the public addresses only, not which document they belonged to', async () => {
    const story = await publishStory('pub-a')
    await rename('stories', story.id, 'pub-b')
    const { docs } = await payload.find({ collection: 'redirects', where: { from: { equals: '/stories/pub-a' } }, overrideAccess: false })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ from: '/stories/pub-a', to: '/stories/pub-b' })
    expect(docs[0]).not.toHaveProperty('docId')
    expect(docs[0]).not.toHaveProperty('docCollection')
  })

  it('lets editors add their own, only to a path on this site', async () => {
    const editor = await createUser(payload, 'editor')
    const create = (data: Record<string, unknown>) =>
      payload.create({ collection: 'redirects', data: data as never, overrideAccess: false, user: editor })
    await expect(create({ from: '/stories/manual-old/', to: '/stories/pub-b' })).resolves.toMatchObject({ from: '/stories/manual-old' })
    await expect(create({ from: '/stories/manual-x', to: '//evil.example/x' })).rejects.toThrow()
    await expect(create({ from: '/stories/manual-y', to: 'https://evil.example/' })).rejects.toThrow()
    await expect(create({ from: '/stories/manual-z', to: '/stories/manual-z' })).rejects.toThrow()
    await expect(create({ from: '/stories/manual-gone', gone: true })).resolves.toMatchObject({ gone: true })
    await expect(
      payload.create({ collection: 'redirects', data: { from: '/stories/anon', to: '/' } as never, overrideAccess: false }),
    ).rejects.toThrow()
  })
})
