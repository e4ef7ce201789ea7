import type { Where } from 'payload'

import type { Citizen, Media, Organisation, Story } from '../../cms/payload-types'
import { groupTag, slugTag } from '../../cms/lib/cacheProtocol'
import { payloadClient } from './payload'
import { cached, LIST_TTL_MS } from './cache'
import { findPreview } from './preview'
import { documentTags, richTextReferences } from './references'

// Lists of stories come back with their hero image, people and organisations populated: any change to those
// collections may change them. A story's page reads only finer tags (storyPageTags below), so an edit drops the pages
// that show what it changed, not every story page (and with them every stored one: site/lib/pageStore.ts).
const STORY_TAGS = ['stories', 'media', 'citizens', 'organisations']

export type StoryCard = Pick<Story, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt' | 'town' | 'themes'> & {
  heroImage?: Media | number | null
}
export type StoryPage = StoryCard &
  Pick<Story, 'body' | 'easySummary' | 'connectionOrigin' | 'updatedAt' | 'meta'> & {
    citizens?: (Pick<Citizen, 'id' | 'displayName' | 'displayNameReading' | 'slug' | 'town' | 'intro'> | number)[] | null
    organisations?: (Pick<Organisation, 'id' | 'name' | 'slug' | 'kind' | 'town'> | number)[] | null
  }

export const PAGE_SIZE = 12

const cardSelect = { title: true, slug: true, lead: true, publishedAt: true, town: true, themes: true, heroImage: true } as const

// Every finder runs with overrideAccess: false, so the collection's public read filter (published only) applies.

async function findFeaturedStoriesUncached(limit = 6, now = new Date()): Promise<StoryCard[]> {
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
/** Featured, published stories in the editors' order, leaving out those whose featured period ended. */
export const findFeaturedStories = cached('stories.findFeaturedStories', STORY_TAGS, findFeaturedStoriesUncached, { ttlMs: LIST_TTL_MS })

export type StoryFilter = { theme?: string; town?: string; page?: number }

async function listStoriesUncached({ theme, town, page = 1 }: StoryFilter = {}) {
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
/** Published stories, newest first, filtered by theme and town, paginated. */
export const listStories = cached('stories.listStories', STORY_TAGS, listStoriesUncached, { ttlMs: LIST_TTL_MS })

// What a story's page shows, for the public read and the staff preview alike (storyPageTags names its documents).
const storyPageRead = {
  select: {
    ...cardSelect,
    body: true,
    easySummary: true,
    connectionOrigin: true,
    citizens: true,
    organisations: true,
    updatedAt: true,
    meta: true,
  },
  populate: {
    citizens: { displayName: true, displayNameReading: true, slug: true, town: true, intro: true },
    organisations: { name: true, slug: true, kind: true, town: true },
  },
  depth: 1,
} as const

async function findStoryBySlugUncached(slug: string): Promise<StoryPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where: { slug: { equals: slug } },
    ...storyPageRead,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as StoryPage | undefined) ?? null
}
/** One published story by its slug, with the people and organisations in it, or null. */
export const findStoryBySlug = cached('stories.findStoryBySlug', (slug: string) => [slugTag('stories', slug)], findStoryBySlugUncached, {
  tagsOf: (story) => (story ? storyPageTags(story) : []),
})

/** The documents a story card shows: the story and its hero image. */
const cardTags = (card: StoryCard): string[] => documentTags({ stories: [card.id], media: [card.heroImage] })

/** The documents a story's page shows (storyPageRead): itself, its photos, people, organisations and what its text embeds. */
export const storyPageTags = (story: StoryPage): string[] => [
  ...documentTags({
    stories: [story.id],
    media: [story.heroImage, story.meta?.image],
    citizens: story.citizens ?? [],
    organisations: story.organisations ?? [],
  }),
  ...richTextReferences(story.body),
]

/** A story's latest version (a draft or a scheduled post) for a staff preview link; never cached. */
export const previewStory = (slug: string, token: string): Promise<StoryPage | null> =>
  findPreview<StoryPage>('stories', token, { slug }, storyPageRead)

// Related stories are "the newest stories sharing a theme or the town". Asked as one query, that is a join over every
// story's themes, sorted: the dearest read of a story page, and a different one for every story of the long tail.
// Asked per theme and per town instead, the answers are a handful of short lists that every story page shares:
// each of the true newest `limit` is among the newest `limit + 1` of a theme or town it shares (only the story
// itself and fewer than `limit` others can be newer there), so merging those lists gives the same answer.
// Each list of a group is kept under the group (a story entering it) and its members' own tags (one changed, left
// or withdrawn): the related stories here, the stories of a citizen or an organisation below.
const listTags = (cards: StoryCard[]) => cards.flatMap(cardTags)
const newestOfTheme = cached(
  'stories.newestOfTheme',
  (theme: string, _limit: number) => [groupTag('stories', 'themes', theme)],
  (theme: string, limit: number) => newestCards({ themes: { in: [theme] } }, limit),
  { tagsOf: listTags },
)
const newestOfTown = cached(
  'stories.newestOfTown',
  (town: string, _limit: number) => [groupTag('stories', 'town', town)],
  (town: string, limit: number) => newestCards({ town: { equals: town } }, limit),
  { tagsOf: listTags },
)

/** Other published stories sharing a theme or town with this one, newest first. */
export async function findRelatedStories(story: Pick<StoryPage, 'id' | 'themes' | 'town'>, limit = 3): Promise<StoryCard[]> {
  const lists = await Promise.all([
    ...(story.themes ?? []).map((theme) => newestOfTheme(theme, limit + 1)),
    ...(story.town ? [newestOfTown(story.town, limit + 1)] : []),
  ])
  const byId = new Map<StoryCard['id'], StoryCard>()
  for (const card of lists.flat()) if (card.id !== story.id) byId.set(card.id, card)
  const time = (card: StoryCard) => (card.publishedAt ? Date.parse(card.publishedAt) : 0)
  return [...byId.values()].sort((a, b) => time(b) - time(a) || Number(b.id) - Number(a.id)).slice(0, limit)
}

/** Newest published story cards matching a filter (public read rules apply). */
async function newestCards(where: Where, limit: number): Promise<StoryCard[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'stories',
    where,
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
export const findStoriesOfCitizen = cached(
  'stories.findStoriesOfCitizen',
  (citizenId: number | string) => [groupTag('stories', 'citizens', citizenId)],
  (citizenId: number | string, limit: number = 12) => newestCards({ citizens: { in: [citizenId] } }, limit),
  { tagsOf: listTags },
)

/** Published stories that involve an organisation. */
export const findStoriesOfOrganisation = cached(
  'stories.findStoriesOfOrganisation',
  (organisationId: number | string) => [groupTag('stories', 'organisations', organisationId)],
  (organisationId: number | string, limit: number = 12) => newestCards({ organisations: { in: [organisationId] } }, limit),
  { tagsOf: listTags },
)

async function listStoriesForFeedUncached(limit = 50) {
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
/** Slugs and dates of every published story, for the sitemap and feed. */
export const listStoriesForFeed = cached('stories.listStoriesForFeed', STORY_TAGS, listStoriesForFeedUncached)
