import type { Story } from '../../cms/payload-types'
import { payloadClient } from './payload'

export type StoryCard = Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt'>
export type StoryPage = Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'body' | 'publishedAt'>

const cardSelect = { title: true, slug: true, lead: true, publishedAt: true } as const

// Every finder runs with overrideAccess: false, so the collection's public read filter (published only) applies.

/** Featured, published stories in the editors' order. */
export async function findFeaturedStories(limit = 6): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { featured: { equals: true } },
    sort: ['featuredOrder', '-publishedAt'],
    select: cardSelect,
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as StoryCard[]
}

/** One published story by its slug, or null. */
export async function findStoryBySlug(slug: string): Promise<StoryPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { slug: { equals: slug } },
    select: { ...cardSelect, body: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as StoryPage | undefined) ?? null
}
