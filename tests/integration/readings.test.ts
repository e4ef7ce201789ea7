import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CITIZENS } from '../../cms/seed/citizens'
import { STORIES } from '../../cms/seed/content'
import { seedDemo } from '../../cms/seed'
import { HIRAGANA_READING_ERROR, KANA_READING_ERROR } from '../../cms/domain/readings'
import { findCitizenBySlug, listCitizens } from '../../site/lib/citizens'
import { findStoryBySlug } from '../../site/lib/stories'
import { citizenData } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemo(payload)
})
afterAll(() => shutdownPayload(payload))

/** The refusal's Japanese words (Payload's ValidationError carries them per field), or 'accepted'. */
async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write
  } catch (error) {
    const e = error as { message: string; data?: { errors?: { message: string }[] } }
    return [e.message, ...(e.data?.errors ?? []).map((x) => x.message)].join(' ')
  }
  return 'accepted'
}

describe('a citizen’s display-name reading', () => {
  it.each([
    { reading: 'うしおのしょうぎおじさん', accepted: true },
    { reading: 'さんちょうめの たなかさん', accepted: true },
    { reading: '', accepted: true },
    { reading: 'ウシオノショウギオジサン', accepted: false },
    { reading: '海潮の将棋おじさん', accepted: false },
    { reading: 'ushio', accepted: false },
    { reading: 'うしお<script>', accepted: false },
  ])('$reading: accepted $accepted', async ({ reading, accepted }) => {
    const answer = await refusal(
      payload.create({ collection: 'citizens', data: citizenData({ displayName: '読みのテスト', displayNameReading: reading }) }),
    )
    if (accepted) expect(answer).toBe('accepted')
    else expect(answer).toContain(HIRAGANA_READING_ERROR)
  })

  it('an organisation’s reading keeps its own rule (kana, katakana too)', async () => {
    const org = { name: '読みの会', kind: 'npo' as const, published: true }
    expect(await refusal(payload.create({ collection: 'organisations', data: { ...org, reading: 'ヨミノカイ' } }))).toBe('accepted')
    expect(await refusal(payload.create({ collection: 'organisations', data: { ...org, name: '読みの会2', reading: '読み' } }))).toContain(
      KANA_READING_ERROR,
    )
  })

  it('reaches the public profile, its card and the stories that name the citizen', async () => {
    const withReading = CITIZENS.find((c) => c.displayNameReading && c.consent.publication && c.status === 'registered')!
    const page = await findCitizenBySlug(withReading.slug)
    expect(page?.displayNameReading).toBe(withReading.displayNameReading)
    const cards = await listCitizens({ town: withReading.town })
    expect(cards.docs.find((c) => c.slug === withReading.slug)?.displayNameReading).toBe(withReading.displayNameReading)

    const story = STORIES.find((s) => s.status === 'published' && s.citizens.includes(withReading.key))
    if (story) {
      const found = await findStoryBySlug(story.slug)
      const person = found?.citizens?.find((c) => typeof c === 'object' && c.slug === withReading.slug)
      expect(person && typeof person === 'object' ? person.displayNameReading : undefined).toBe(withReading.displayNameReading)
    }
  })
})

describe('a story’s easy-Japanese summary', () => {
  it('is public with its story, and optional', async () => {
    const withSummary = STORIES.filter((s) => s.status === 'published' && s.easySummary)
    expect(withSummary.length).toBeGreaterThan(0)
    for (const s of withSummary) expect((await findStoryBySlug(s.slug))?.easySummary).toBe(s.easySummary)
    const without = STORIES.find((s) => s.status === 'published' && !s.easySummary)!
    expect((await findStoryBySlug(without.slug))?.easySummary ?? null).toBeNull()
  })
})
