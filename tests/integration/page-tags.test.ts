// A story page is kept under the tags of what it shows (site/lib/stories.ts storyPageTags, the related lists' groups
// and members) and an edit drops the tags of what it changed (cms/hooks/invalidateSite.ts). Together they decide which
// pages an edit drops, from the memory and from the page store: every edit that changes what the page shows must
// reach it, and the everyday edits elsewhere (another story, a new photo, a new esuko citizen) must not.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { THEMES, TOWNS } from '../../cms/domain/options'
import { fiscalYearOf } from '../../cms/domain/fiscalYear'
import { flushTallies, markTallies } from '../../cms/kpi/recountQueue'
import { DATA_CACHE_TTL_MS, isCountTag, LOCAL_INVALIDATE } from '../../cms/lib/cacheProtocol'
import { clearCache, LIST_TTL_MS, onInvalidate, recordReads, REPEAT_AFTER_MS } from '../../site/lib/cache'
import { findCitizenBySlug } from '../../site/lib/citizens'
import { getHeadlineCounts } from '../../site/lib/counters'
import { findOrganisationBySlug } from '../../site/lib/organisations'
import { findPlan, findPublicOffers } from '../../site/lib/plans'
import { findRelatedStories, findStoriesOfCitizen, findStoriesOfOrganisation, findStoryBySlug, listStories } from '../../site/lib/stories'
import { citizenData, createPhoto, daysFromNow, planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const ids: Record<string, number | string> = {}
const invalidated: string[][] = []

/** The tags a story page's own reads record (what the page cache keeps it under, besides the layout's). */
async function pageTags(slug: string): Promise<Set<string>> {
  return tagsRead(async () => {
    const story = await findStoryBySlug(slug)
    if (story) await findRelatedStories(story)
  })
}

/** The tags a plan's page reads (the plan with its realisation story, its public support offers). */
const planPageTags = (id: number | string) => tagsRead(() => Promise.all([findPlan(String(id)), findPublicOffers(id)]))

/** Reads a page's tags, makes the edit, and checks whether what the edit dropped meets what the page read. */
async function expectReach(readPage: () => Promise<Set<string>>, edit: () => Promise<unknown>, reaches: boolean): Promise<void> {
  const read = await readPage()
  expect(read.size).toBeGreaterThan(0)
  invalidated.length = 0
  await edit()
  const dropped = invalidated.flat()
  expect(dropped.length).toBeGreaterThan(0)
  expect(
    dropped.some((tag) => read.has(tag)),
    `page read ${[...read].join(' ')}; edit dropped ${dropped.join(' ')}`,
  ).toBe(reaches)
}

async function tagsRead(reads: () => Promise<unknown>): Promise<Set<string>> {
  // The cache drops every invalidation's tags once more a moment later: let the earlier edits' repeats pass first.
  await new Promise((resolve) => setTimeout(resolve, REPEAT_AFTER_MS + 100))
  clearCache()
  return (await recordReads(reads)).reads.tags
}

beforeAll(async () => {
  payload = await bootPayload()
  onInvalidate((tags) => invalidated.push(tags))
  const hero = await createPhoto(payload)
  const otherPhoto = await createPhoto(payload)
  const person = await payload.create({ collection: 'citizens', data: citizenData({ displayName: '話の中の人' }) })
  const story = (title: string, slug: string, data: Record<string, unknown>) =>
    payload.create({ collection: 'stories', data: storyData({ title, slug, _status: 'published', ...data } as never) })
  const a = await story('ページの話', 'tags-page', {
    town: TOWNS[0],
    themes: [THEMES[0]],
    heroImage: hero.id,
    citizens: [person.id],
    publishedAt: daysFromNow(-1),
  })
  const related = await story('関連する話', 'tags-related', { town: TOWNS[0], themes: [THEMES[0]], publishedAt: daysFromNow(-2) })
  const elsewhere = await story('よその話', 'tags-elsewhere', { town: TOWNS[2], themes: [THEMES[3]], publishedAt: daysFromNow(-3) })
  Object.assign(ids, { a: a.id, related: related.id, elsewhere: elsewhere.id, hero: hero.id, otherPhoto: otherPhoto.id, person: person.id })
})

afterAll(() => shutdownPayload(payload))

describe('which edits reach a story page', () => {
  // In order: each edit is made, then the tags it dropped are compared with what the page read just before.
  it.each<[string, boolean, () => Promise<unknown>]>([
    ['another story in another town and theme edited', false, () => update('stories', ids.elsewhere, { title: 'よその話（改）' })],
    ['a new photo uploaded', false, () => createPhoto(payload)],
    ['another photo edited', false, () => update('media', ids.otherPhoto, { alt: '別の写真' })],
    [
      'a new esuko citizen registered',
      false,
      () => payload.create({ collection: 'citizens', data: citizenData({ displayName: '新しい人' }) }),
    ],
    ['the story itself edited', true, () => update('stories', ids.a, { title: 'ページの話（改）' })],
    ['its hero photo edited', true, () => update('media', ids.hero, { alt: '言い換えた説明' })],
    ['a person in it edited', true, () => update('citizens', ids.person, { intro: '夕方の見守りもしています' })],
    ['a related story (shown as a card) edited', true, () => update('stories', ids.related, { title: '関連する話（改）' })],
    [
      'a new story published in its theme',
      true,
      () =>
        payload.create({
          collection: 'stories',
          data: storyData({
            title: '新しい話',
            slug: 'tags-new',
            _status: 'published',
            town: TOWNS[3],
            themes: [THEMES[0]],
            publishedAt: daysFromNow(0),
          } as never),
        }),
    ],
    ['a related story withdrawn', true, () => update('stories', ids.related, { _status: 'draft' })],
  ])('%s → reaches the page: %s', async (_, reaches, edit) => {
    await expectReach(() => pageTags('tags-page'), edit, reaches)
  })

  it('drops only count tags for what only moves a count (a new participant), so the pre-renderer is not set sweeping', async () => {
    await pageTags('tags-page')
    invalidated.length = 0
    await payload.create({ collection: 'citizens', data: citizenData({ displayName: '数えられる人' }) })
    const counted = invalidated.flat().filter((tag) => tag.startsWith('participants'))
    expect(counted.length).toBeGreaterThan(0)
    expect(counted.filter((tag) => !isCountTag(tag))).toEqual([])
  })

  it('names the slug even when nothing is published there yet, so publishing a story at it reaches the missing page', async () => {
    const read = await pageTags('tags-later')
    invalidated.length = 0
    await payload.create({ collection: 'stories', data: storyData({ title: '後から', slug: 'tags-later', _status: 'published' } as never) })
    expect(invalidated.flat().some((tag) => read.has(tag))).toBe(true)
  })
})

describe("which edits reach a plan's page", () => {
  const plans: Record<string, number | string> = {}
  const offer = (plan: number | string, message: string) =>
    payload.create({
      collection: 'support-offers',
      data: { plan, kind: 'help', nickname: '近所の人', message, status: 'approved', contact: { email: 'offer@example.jp' } } as never,
    })

  beforeAll(async () => {
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '叶った話', slug: 'tags-realised', _status: 'published' } as never),
    })
    const plan = await payload.create({ collection: 'plans', data: planData({ title: 'ページのプラン', status: 'published' } as never) })
    const other = await payload.create({ collection: 'plans', data: planData({ title: '別のプラン', status: 'published' } as never) })
    await payload.update({ collection: 'plans', id: plan.id, data: { realisationStory: story.id } as never })
    Object.assign(plans, { plan: plan.id, other: other.id, story: story.id })
  })

  it.each<[string, boolean, () => Promise<unknown>]>([
    ['another plan edited', false, () => update('plans', plans.other, { title: '別のプラン（改）' })],
    ['a story edited that it does not show', false, () => update('stories', ids.elsewhere, { lead: '書き足し' })],
    ['an offer to another plan', false, () => offer(plans.other, '別のプランへ')],
    ['the plan itself edited', true, () => update('plans', plans.plan, { title: 'ページのプラン（改）' })],
    ['its realisation story edited', true, () => update('stories', plans.story, { title: '叶った話（改）' })],
    ['an offer to it', true, () => offer(plans.plan, 'お手伝いします')],
  ])('%s → reaches the page: %s', async (_, reaches, edit) => {
    await expectReach(() => planPageTags(plans.plan), edit, reaches)
  })
})

describe("which edits reach an esuko citizen's and an organisation's page", () => {
  const docs: Record<string, { id: number | string; slug?: string | null }> = {}
  const citizenPage = () =>
    tagsRead(async () => {
      const citizen = await findCitizenBySlug(docs.citizen.slug!)
      if (citizen) await findStoriesOfCitizen(citizen.id)
    })
  const organisationPage = () =>
    tagsRead(async () => {
      const org = await findOrganisationBySlug(docs.org.slug!)
      if (org) await findStoriesOfOrganisation(org.id)
    })
  const publish = (slug: string, data: Record<string, unknown>) =>
    payload.create({
      collection: 'stories',
      data: storyData({ title: `話 ${slug}`, slug, _status: 'published', publishedAt: daysFromNow(0), ...data } as never),
    })

  beforeAll(async () => {
    docs.citizen = await payload.create({ collection: 'citizens', data: citizenData({ displayName: 'ページの人' }) })
    docs.otherCitizen = await payload.create({ collection: 'citizens', data: citizenData({ displayName: 'ほかの人' }) })
    docs.org = await payload.create({
      collection: 'organisations',
      data: { name: 'ページの団体', kind: 'npo', town: TOWNS[0], published: true } as never,
    })
    docs.otherOrg = await payload.create({
      collection: 'organisations',
      data: { name: 'ほかの団体', kind: 'npo', town: TOWNS[1], published: true } as never,
    })
  })

  it.each<[string, 'citizen' | 'org', boolean, () => Promise<unknown>]>([
    ['another citizen edited', 'citizen', false, () => update('citizens', docs.otherCitizen.id, { intro: '別の紹介' })],
    ['a story about someone else', 'citizen', false, () => publish('tags-other-person', { citizens: [docs.otherCitizen.id] })],
    ['the person edited', 'citizen', true, () => update('citizens', docs.citizen.id, { intro: '紹介を変えました' })],
    ['a story about them published', 'citizen', true, () => publish('tags-person', { citizens: [docs.citizen.id] })],
    ['another organisation edited', 'org', false, () => update('organisations', docs.otherOrg.id, { summary: '別の団体の紹介' })],
    ['a story about another organisation', 'org', false, () => publish('tags-other-org', { organisations: [docs.otherOrg.id] })],
    ['the organisation edited', 'org', true, () => update('organisations', docs.org.id, { summary: '紹介を変えました' })],
    ['a story about it published', 'org', true, () => publish('tags-org', { organisations: [docs.org.id] })],
  ])('%s (%s page) → reaches the page: %s', (_, page, reaches, edit) =>
    expectReach(page === 'citizen' ? citizenPage : organisationPage, edit, reaches),
  )
})

describe("which changes reach the home page's headline figures", () => {
  const fy = fiscalYearOf(new Date())
  // The home page's counters, read once every recount still pending from the edits above has run.
  const headline = async () => {
    await flushTallies(payload)
    return tagsRead(() => getHeadlineCounts())
  }
  const recount = async (keys: string[]) => {
    markTallies(payload, keys)
    await flushTallies(payload)
  }

  it.each<[string, boolean, () => Promise<unknown>]>([
    // Every cheer batch recounts these: the slow counts of citizens and plans must not be read again for them.
    ['a cheer batch recounted (cheers, participants)', false, () => recount([`cheers:${fy}:0`, `participants:${fy}:0`])],
    ['the portal survey recounted', false, () => recount([`survey:${fy}`])],
    ['the 共助会議 recounted', true, () => recount([`meetings:${fy}`])],
    [
      'a new esuko citizen registered',
      true,
      () => payload.create({ collection: 'citizens', data: citizenData({ displayName: '数に入る人', status: 'registered' } as never) }),
    ],
  ])('%s → reaches the headline: %s', async (_, reaches, edit) => {
    await expectReach(headline, edit, reaches)
  })
})

describe("how long the index pages' slow reads are kept when no invalidation comes", () => {
  // Reloaded every 30 s, the lists' counts held every site process's readers for 30–50 ms at scale 10 (site/lib/cache.ts).
  it('keeps the list of stories past the 30 s of other reads, and reads it again after five minutes', async () => {
    await new Promise((resolve) => setTimeout(resolve, REPEAT_AFTER_MS + 100))
    await flushTallies(payload)
    clearCache()
    vi.useFakeTimers({ toFake: ['Date'] })
    const handles = globalThis as Record<symbol, unknown>
    const invalidateHere = handles[LOCAL_INVALIDATE]
    try {
      const before = (await listStories()).totalDocs
      // A story whose invalidation is lost (as a POST to a process that was restarting would be).
      delete handles[LOCAL_INVALIDATE]
      await payload.create({ collection: 'stories', data: storyData({ title: '知らせの届かない話', _status: 'published' } as never) })
      handles[LOCAL_INVALIDATE] = invalidateHere
      vi.setSystemTime(Date.now() + DATA_CACHE_TTL_MS + 1_000)
      expect((await listStories()).totalDocs).toBe(before)
      vi.setSystemTime(Date.now() + LIST_TTL_MS)
      expect((await listStories()).totalDocs).toBe(before + 1)
    } finally {
      handles[LOCAL_INVALIDATE] = invalidateHere
      vi.useRealTimers()
    }
  })
})

const update = (
  collection: 'stories' | 'media' | 'citizens' | 'plans' | 'organisations',
  id: number | string,
  data: Record<string, unknown>,
) => payload.update({ collection, id, data: data as never })
