import type { Where } from 'payload'

import type { Citizen, Media, Organisation, Story } from '../../cms/payload-types'
import { payloadClient } from './payload'

export type StoryCard = Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt' | 'town' | 'themes'> & {
  heroImage?: Media | number | null
}
export type StoryPage = StoryCard &
  Pick<Story, 'body' | 'connectionOrigin' | 'updatedAt'> & {
    citizens?: (Pick<Citizen, 'id' | 'displayName' | 'slug' | 'town' | 'intro'> | number)[] | null
    organisations?: (Pick<Organisation, 'id' | 'name' | 'slug' | 'kind' | 'town'> | number)[] | null
  }

export const PAGE_SIZE = 12

const cardSelect = { title: true, slug: true, lead: true, publishedAt: true, town: true, themes: true, heroImage: true } as const

// Every finder runs with overrideAccess: false, so the collection's public read filter (published only) applies.

/** Featured, published stories in the editors' order, leaving out those whose featured period ended. */
export async function findFeaturedStories(limit = 6, now = new Date()): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: {
      and: [
        { featured: { equals: true } },
        { or: [{ featuredUntil: { exists: false } }, { featuredUntil: { greater_than: now.toISOString() } }] },
      ],
    },
    sort: ['featuredOrder', '-publishedAt'],
    select: cardSelect,
    depth: 1,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as StoryCard[]
}

export type StoryFilter = { theme?: string; town?: string; page?: number }

/** Published stories, newest first, filtered by theme and town, paginated. */
export async function listStories({ theme, town, page = 1 }: StoryFilter = {}) {
  const payload = await payloadClient()
  const and: Where[] = []
  if (theme) and.push({ themes: { in: [theme] } })
  if (town) and.push({ town: { equals: town } })
  const result = await payload.find({
    collection: 'stories',
    where: and.length ? { and } : undefined,
    sort: '-publishedAt',
    select: cardSelect,
    depth: 1,
    limit: PAGE_SIZE,
    page,
    overrideAccess: false,
  })
  return { ...result, docs: result.docs as StoryCard[] }
}

/** One published story by its slug, with the people and organisations in it, or null. */
export async function findStoryBySlug(slug: string): Promise<StoryPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { slug: { equals: slug } },
    select: { ...cardSelect, body: true, connectionOrigin: true, citizens: true, organisations: true, updatedAt: true },
    populate: {
      citizens: { displayName: true, slug: true, town: true, intro: true },
      organisations: { name: true, slug: true, kind: true, town: true },
    },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as StoryPage | undefined) ?? null
}

/** Other published stories sharing a theme or town with this one. */
export async function findRelatedStories(story: StoryPage, limit = 3): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const or: Where[] = []
  if (story.themes?.length) or.push({ themes: { in: story.themes } })
  if (story.town) or.push({ town: { equals: story.town } })
  if (!or.length) return []
  const result = await payload.find({
    collection: 'stories',
    where: { and: [{ id: { not_equals: story.id } }, { or }] },
    sort: '-publishedAt',
    select: cardSelect,
    depth: 1,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as StoryCard[]
}

/** Published stories that feature a citizen. */
export async function findStoriesOfCitizen(citizenId: number | string, limit = 12): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { citizens: { in: [citizenId] } },
    sort: '-publishedAt',
    select: cardSelect,
    depth: 1,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as StoryCard[]
}

/** Published stories that involve an organisation. */
export async function findStoriesOfOrganisation(organisationId: number | string, limit = 12): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { organisations: { in: [organisationId] } },
    sort: '-publishedAt',
    select: cardSelect,
    depth: 1,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as StoryCard[]
}

/** Slugs and dates of every published story, for the sitemap and feed. */
export async function listStoriesForFeed(limit = 50) {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    sort: '-publishedAt',
    select: { title: true, slug: true, lead: true, publishedAt: true, updatedAt: true },
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt' | 'updatedAt'>[]
}
