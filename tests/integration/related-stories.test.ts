// A story page's related stories are merged from cached per-theme and per-town lists (site/lib/stories.ts) instead of
// one query over every story's themes: the merge must give exactly what that query gives, and never a draft.
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { THEMES, TOWNS } from '../../cms/domain/options'
import type { Story } from '../../cms/payload-types'
import { clearCache } from '../../site/lib/cache'
import { findRelatedStories, findStoryBySlug } from '../../site/lib/stories'
import { daysFromNow } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const slugs: string[] = []

// Few towns and themes, so that stories share them in overlapping ways; one story with neither.
const shapes: { town?: (typeof TOWNS)[number]; themes: (typeof THEMES)[number][] }[] = [
  { town: TOWNS[0], themes: [THEMES[0]] },
  { town: TOWNS[0], themes: [THEMES[1], THEMES[2]] },
  { town: TOWNS[1], themes: [THEMES[0], THEMES[1]] },
  { town: TOWNS[1], themes: [] },
  { town: TOWNS[2], themes: [THEMES[2]] },
  { town: TOWNS[0], themes: [THEMES[2]] },
  { town: TOWNS[2], themes: [THEMES[0]] },
  { town: TOWNS[1], themes: [THEMES[1]] },
  { themes: [THEMES[3]] },
  { town: TOWNS[2], themes: [THEMES[0], THEMES[2]] },
  { town: TOWNS[0], themes: [] },
  { themes: [] },
]

beforeAll(async () => {
  payload = await bootPayload()
  for (const [i, shape] of shapes.entries()) {
    const slug = `related-${i}`
    await payload.create({
      collection: 'stories',
      data: storyData({ title: `関連の話 ${i}`, slug, _status: 'published', publishedAt: daysFromNow(-i), ...shape } as never),
    })
    slugs.push(slug)
  }
  // The newest of all, sharing everything: a draft, so never related.
  await payload.create({
    collection: 'stories',
    data: storyData({
      title: '下書き',
      slug: 'related-draft',
      _status: 'draft',
      town: TOWNS[0],
      themes: [THEMES[0], THEMES[1], THEMES[2]],
    } as never),
    draft: true,
  })
  clearCache()
})

afterAll(() => shutdownPayload(payload))

/** The definition: newest published stories sharing a theme or the town, in one query. */
async function relatedByOneQuery(story: Pick<Story, 'id' | 'themes' | 'town'>, limit: number): Promise<(number | string)[]> {
  const or: Where[] = []
  if (story.themes?.length) or.push({ themes: { in: story.themes } })
  if (story.town) or.push({ town: { equals: story.town } })
  if (!or.length) return []
  const { docs } = await payload.find({
    collection: 'stories',
    where: { and: [{ id: { not_equals: story.id } }, { or }] },
    sort: '-publishedAt',
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return docs.map((d) => d.id)
}

describe('related stories', () => {
  it.each(shapes.map((shape, i) => [i, shape.town ?? '—', shape.themes.join('・') || '—']))(
    'story %i (%s, %s): the same as one query over every story',
    async (i) => {
      const story = await findStoryBySlug(`related-${i}`)
      expect(story).not.toBeNull()
      for (const limit of [1, 3]) {
        const merged = (await findRelatedStories(story!, limit)).map((s) => s.id)
        expect(merged).toEqual(await relatedByOneQuery(story!, limit))
      }
    },
  )

  it('has found related stories at all (the table above is not empty on both sides)', async () => {
    const story = await findStoryBySlug('related-0')
    expect((await findRelatedStories(story!)).length).toBe(3)
  })
})
