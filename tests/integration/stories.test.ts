import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { seedDemo } from '../../cms/seed'
import { findFeaturedStories, findStoryBySlug } from '../../site/lib/stories'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { storyData } from '../helpers/fixtures'
import { createUser } from '../helpers/users'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemo(payload)
})
afterAll(() => shutdownPayload(payload))

const publishedFeatured = STORIES.filter((s) => s.featured && s.status === 'published').sort(
  (a, b) => (a.featuredOrder ?? 100) - (b.featuredOrder ?? 100),
)
const draft = STORIES.find((s) => s.status === 'draft')!

describe('site finders (the public door)', () => {
  it('lists featured published stories in the editors’ order', async () => {
    const featured = await findFeaturedStories()
    expect(featured.map((s) => s.slug)).toEqual(publishedFeatured.map((s) => s.slug))
  })

  it('never returns a draft, even a featured one', async () => {
    expect((await findFeaturedStories(50)).some((s) => s.slug === draft.slug)).toBe(false)
    expect(await findStoryBySlug(draft.slug)).toBeNull()
  })

  it('returns one published story with its body', async () => {
    const story = await findStoryBySlug(publishedFeatured[0].slug)
    expect(story?.title).toBe(publishedFeatured[0].title)
    expect(JSON.stringify(story?.body)).toContain('つながりのきっかけ')
  })

  it('shows a draft once it is published, and hides it again when unpublished', async () => {
    const { docs } = await payload.find({ collection: 'stories', where: { slug: { equals: draft.slug } }, draft: true })
    const id = docs[0].id
    await payload.update({ collection: 'stories', id, data: { _status: 'published' } })
    const published = await findStoryBySlug(draft.slug)
    expect(published?.publishedAt).toBeTruthy()
    expect((await findFeaturedStories())[0].slug).toBe(draft.slug)

    await payload.update({ collection: 'stories', id, data: { _status: 'draft' } })
    expect(await findStoryBySlug(draft.slug)).toBeNull()
  })
})

describe('story access through the Local API with access control on', () => {
  it.each([
    ['anonymous', undefined, false],
    ['organisation', 'organisation', false],
    ['coordinator', 'coordinator', true],
    ['editor', 'editor', true],
  ] as const)('%s sees drafts: %s', async (_label, role, seesDrafts) => {
    const user = role ? await createUser(payload, role) : undefined
    const { docs } = await payload.find({ collection: 'stories', overrideAccess: false, user, draft: true, limit: 100 })
    expect(docs.some((d) => d._status === 'draft')).toBe(seesDrafts)
  })

  it.each([
    ['anonymous', undefined],
    ['organisation', 'organisation'],
  ] as const)('%s cannot create a story', async (_label, role) => {
    const user = role ? await createUser(payload, role) : undefined
    await expect(
      payload.create({
        collection: 'stories',
        overrideAccess: false,
        user,
        data: storyData({ title: '不正な投稿', _status: 'published' }),
      }),
    ).rejects.toThrow()
  })
})

describe('slugs', () => {
  it('generates a URL-safe slug for a Japanese title', async () => {
    const doc = await payload.create({
      collection: 'stories',
      data: storyData({ title: '日本語だけのタイトル', _status: 'draft' }),
      draft: true,
    })
    expect(doc.slug).toMatch(/^story-[a-z0-9]+$/)
  })

  it('keeps the slug when the title changes', async () => {
    const doc = await payload.create({ collection: 'stories', data: storyData({ title: 'Morning walk in Kisuki' }) })
    const updated = await payload.update({ collection: 'stories', id: doc.id, data: { title: '別のタイトル' } })
    expect(updated.slug).toBe(doc.slug)
    expect(doc.slug).toMatch(/^morning-walk-in-kisuki-[0-9a-f]{4}$/)
  })

  it('refuses a duplicate slug', async () => {
    await expect(
      payload.create({ collection: 'stories', data: storyData({ title: '重複', slug: publishedFeatured[0].slug }) }),
    ).rejects.toThrow()
  })
})

describe('seed', () => {
  it('re-seeding replaces demo content instead of duplicating it', async () => {
    await seedDemo(payload)
    const { totalDocs } = await payload.count({ collection: 'stories', where: { slug: { in: STORIES.map((s) => s.slug) } } })
    expect(totalDocs).toBe(STORIES.length)
  })
})
