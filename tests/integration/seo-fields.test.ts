import type { Field, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ADMIN_JA_OVERRIDES } from '../../cms/domain/adminLanguage'
import { SEO_COLLECTIONS, SHARE_IMAGE_RESTRICTED_PROBLEM, SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM } from '../../cms/domain/seo'
import { pageMeta } from '../../site/lib/seo'
import { rest } from '../helpers/api'
import { createPhoto, eventData, planData } from '../helpers/domain'
import { recordedConsent, storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Issue 15, point 6: editors set an SEO title, description and share image per story, plan and event — in a Japanese
// admin, within Japanese length limits, and never with a picture the public may not see.

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
let token: string
let peoplePhoto: number | string
let landscape: number | string
let restrictedLandscape: number | string

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  token = (await payload.login({ collection: 'users', data: { email: editor.email, password: 'test-password-123' } })).token!
  peoplePhoto = (await createPhoto(payload)).id
  landscape = (await createPhoto(payload)).id
  restrictedLandscape = (await createPhoto(payload)).id
  await payload.update({ collection: 'media', id: landscape, data: { showsPeople: false } })
  await payload.update({ collection: 'media', id: restrictedLandscape, data: { showsPeople: false, restricted: true } })
})
afterAll(() => shutdownPayload(payload))

/** Payload's refusal as the admin shows it (field messages, or the hook's message), or null when saved. */
async function refusal(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write()
    return null
  } catch (e) {
    const err = e as { message?: string; data?: { errors?: { message?: string }[] } }
    return [err.message, ...(err.data?.errors ?? []).map((x) => x.message)].join('\n')
  }
}

let n = 0
const create = {
  stories: (meta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'stories',
      data: storyData({ title: `SEOの試験 ${++n}`, slug: `seo-test-${n}`, _status: 'published', meta, ...extra }) as never,
      overrideAccess: false,
      user: editor,
    }),
  plans: (meta: Record<string, unknown>) =>
    payload.create({ collection: 'plans', data: planData({ title: `SEOの試験プラン ${++n}`, meta }), overrideAccess: false, user: editor }),
  events: (meta: Record<string, unknown>) =>
    payload.create({
      collection: 'events',
      data: eventData({ title: `SEOの試験イベント ${++n}`, meta }),
      overrideAccess: false,
      user: editor,
    }),
}

describe('the SEO fields in the admin speak Japanese', () => {
  it.each(SEO_COLLECTIONS)('%s has the SEO group with Japanese labels and help', (slug) => {
    const fields = payload.collections[slug].config.fields
    const group = fields.find((f) => 'name' in f && f.name === 'meta') as Extract<Field, { type: 'group' }>
    expect(group.type).toBe('group')
    expect(group.label).toMatchObject({ ja: '検索・SNSでの表示（SEO）' })
    expect((group.admin?.description as { ja?: string }).ja).toMatch(/空欄の項目は/)
    const labelled = Object.fromEntries(
      group.fields.flatMap((f) => ('name' in f ? [[f.name, (f.label as { ja?: string } | undefined)?.ja]] : [])),
    )
    expect(labelled).toEqual({
      overview: 'おすすめとの比較',
      title: '検索・共有用のタイトル',
      description: '検索・共有用の説明文',
      image: '共有用画像',
      preview: '検索結果での見え方',
    })
    const image = group.fields.find((f) => 'name' in f && f.name === 'image') as Extract<Field, { type: 'upload' }>
    expect((image.admin?.description as { ja?: string }).ja).toMatch(/標準画像/)
  })

  it('every message of the SEO plugin has the portal’s Japanese (none falls back to the plugin’s English or its “must be”)', () => {
    const translations = payload.config.i18n.translations as Record<string, Record<string, Record<string, string>>>
    const keys = Object.keys(translations.en!['plugin-seo']!)
    expect(keys.length).toBeGreaterThan(10)
    expect(Object.keys(ADMIN_JA_OVERRIDES['plugin-seo']).sort()).toEqual(keys.sort())
    for (const key of keys) {
      const ja = translations.ja!['plugin-seo']![key]!
      expect(ja, key).toBe(ADMIN_JA_OVERRIDES['plugin-seo'][key as keyof (typeof ADMIN_JA_OVERRIDES)['plugin-seo']])
      expect(ja, key).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u)
      expect(ja, key).not.toMatch(/必要があります/)
    }
  })
})

describe('lengths are counted as a reader counts characters', () => {
  const emoji = '🌸'
  const CASES = [
    { name: 'a 40-character title', meta: { title: 'あ'.repeat(40) }, refused: null },
    { name: 'a 41-character title', meta: { title: 'あ'.repeat(41) }, refused: 'タイトルは40文字以内にしてください（いま41文字）' },
    // 40 emoji are 80 UTF-16 code units: still 40 characters.
    { name: 'a title of 40 emoji', meta: { title: emoji.repeat(40) }, refused: null },
    { name: 'a 160-character description', meta: { description: 'い'.repeat(160) }, refused: null },
    {
      name: 'a 161-character description',
      meta: { description: 'い'.repeat(161) },
      refused: '説明文は160文字以内にしてください（いま161文字）',
    },
    { name: 'empty texts (the page’s own are used)', meta: { title: '', description: null }, refused: null },
  ]
  it.each(SEO_COLLECTIONS.flatMap((slug) => CASES.map((c) => ({ slug, ...c }))))('$slug: $name', async ({ slug, meta, refused }) => {
    const problem = await refusal(() => create[slug](meta))
    if (refused === null) expect(problem).toBeNull()
    else expect(problem).toContain(refused)
  })
})

describe('a share image the public may see, and one that shows people only with their consent', () => {
  const text = recordedConsent({ photo: false })
  const CASES: {
    name: string
    slug: (typeof SEO_COLLECTIONS)[number]
    image: () => number | string
    consent?: object
    refused: string | null
  }[] = [
    { name: 'plan, image showing people', slug: 'plans', image: () => peoplePhoto, refused: SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM },
    { name: 'plan, image showing nobody', slug: 'plans', image: () => landscape, refused: null },
    { name: 'event, image showing people', slug: 'events', image: () => peoplePhoto, refused: SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM },
    { name: 'event, image showing nobody', slug: 'events', image: () => landscape, refused: null },
    { name: 'event, restricted image', slug: 'events', image: () => restrictedLandscape, refused: SHARE_IMAGE_RESTRICTED_PROBLEM },
    { name: 'plan, restricted image', slug: 'plans', image: () => restrictedLandscape, refused: SHARE_IMAGE_RESTRICTED_PROBLEM },
    { name: 'story, restricted image', slug: 'stories', image: () => restrictedLandscape, refused: SHARE_IMAGE_RESTRICTED_PROBLEM },
    { name: 'story, people without photo consent', slug: 'stories', image: () => peoplePhoto, consent: text, refused: '写真の掲載同意' },
    { name: 'story, people with photo consent', slug: 'stories', image: () => peoplePhoto, refused: null },
    { name: 'story, nobody, text consent only', slug: 'stories', image: () => landscape, consent: text, refused: null },
  ]
  it.each(CASES)('$name', async ({ slug, image, consent, refused }) => {
    const write = () =>
      slug === 'stories' ? create.stories({ image: image() }, consent ? { consent } : {}) : create[slug]({ image: image() })
    const problem = await refusal(write)
    if (refused === null) expect(problem).toBeNull()
    else expect(problem).toContain(refused)
  })

  it('a published story given a share image of people alone (a partial update) still needs photo consent', async () => {
    const story = await create.stories({}, { consent: recordedConsent({ photo: false }) })
    const problem = await refusal(() =>
      payload.update({
        collection: 'stories',
        id: story.id,
        data: { meta: { image: peoplePhoto } } as never,
        overrideAccess: false,
        user: editor,
      }),
    )
    expect(problem).toContain('写真の掲載同意')
  })

  it('an image made restricted after it was chosen is not shared: the page falls back to its own picture', async () => {
    const photo = (await createPhoto(payload)).id
    await payload.update({ collection: 'media', id: photo, data: { showsPeople: false } })
    const plan = await create.plans({ title: '共有のタイトル', image: photo })
    await payload.update({ collection: 'plans', id: plan.id, data: { status: 'published' } })
    const read = async () =>
      (
        await payload.find({
          collection: 'plans',
          where: { id: { equals: plan.id } },
          depth: 1,
          overrideAccess: false,
          select: { meta: true },
        })
      ).docs[0]!
    const before = pageMeta((await read()).meta, { title: 'ページのタイトル', image: '/fallback.png' })
    expect(before.title).toBe('共有のタイトル')
    expect(before.image).toMatch(/^\/api\/media\/file\/photo-[a-z0-9]+\.png\?v=/)

    await payload.update({ collection: 'media', id: photo, data: { restricted: true } })
    const after = pageMeta((await read()).meta, { title: 'ページのタイトル', image: '/fallback.png' })
    expect(after).toEqual({ title: '共有のタイトル', description: undefined, image: '/fallback.png' })
  })
})

describe('「自動で入力」 fills in what the page shows, for staff only', () => {
  it.each([
    { path: 'generate-title', slug: 'stories', doc: { title: 'う'.repeat(50) }, result: `${'う'.repeat(31)}…` },
    {
      path: 'generate-description',
      slug: 'events',
      doc: { title: 'x', summary: '冬のふるまい市。  豚汁と\nそば。' },
      result: '冬のふるまい市。 豚汁と そば。',
    },
    { path: 'generate-description', slug: 'stories', doc: { title: 'x', lead: 'リード文です。' }, result: 'リード文です。' },
  ])('$path on $slug', async ({ path, slug, doc, result }) => {
    const res = await rest('POST', `/api/plugin-seo/${path}`, { token, body: { collectionSlug: slug, doc } })
    expect(res.status, res.text).toBe(200)
    expect(res.json.result).toBe(result)
  })

  it('gives a plan’s address by its id on the site', async () => {
    const plan = await create.plans({})
    const res = await rest('POST', '/api/plugin-seo/generate-url', {
      token,
      body: { collectionSlug: 'plans', id: plan.id, doc: { id: plan.id } },
    })
    expect(res.status, res.text).toBe(200)
    expect(res.json.result).toMatch(new RegExp(`^https?://[^/]+/plans/${plan.id}$`))
  })

  it('answers nobody signed out', async () => {
    const res = await rest('POST', '/api/plugin-seo/generate-title', { body: { collectionSlug: 'stories', doc: { title: 'x' } } })
    expect(res.status).toBe(401)
  })
})
