import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PREVIEW_MESSAGES } from '../../cms/endpoints/previewUrl'
import { PREVIEW_TTL_MS, type PreviewCollection, previewToken, verifyPreviewToken } from '../../cms/lib/previewLinks'
import { sitePublicUrl } from '../../cms/lib/publicUrls'
import { signLink } from '../../cms/lib/signedLinks'
import { findCitizenBySlug, previewCitizen } from '../../site/lib/citizens'
import { findEventBySlug, previewEvent } from '../../site/lib/events'
import { findOrganisationBySlug, previewOrganisation } from '../../site/lib/organisations'
import { findPlan, previewPlan } from '../../site/lib/plans'
import { findStoryBySlug, previewStory } from '../../site/lib/stories'
import { rest } from '../helpers/api'
import { citizenData, daysFromNow, eventData, planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Staff preview links (issue 15 point 2): who gets one from GET /api/<collection>/:id/preview-url, and what the
// site's preview read (site/lib/preview.ts) opens with it — the latest draft, and nothing for any other token.

let payload: Payload
type Doc = { id: number | string; slug?: string | null; title?: string }
const docs = {} as Record<
  'draftStory' | 'publishedStory' | 'scheduledStory' | 'otherStory' | 'plan' | 'event' | 'citizen' | 'orgOwn' | 'orgOther',
  Doc
>
const tokens = {} as Record<'admin' | 'editor' | 'coordinator' | 'organisation' | 'none', string>

const PASSWORD = 'test-password-123'
const login = async (email: string) => {
  const res = await rest('POST', '/api/users/login', { body: { email, password: PASSWORD } })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`)
  return res.json.token as string
}

beforeAll(async () => {
  payload = await bootPayload()
  const story = (data: Record<string, unknown>, draft: boolean) =>
    payload.create({ collection: 'stories', data: storyData(data as never), draft }) as Promise<Doc>

  docs.draftStory = await story({ title: '下書きだけのストーリー', slug: 'preview-draft-only', _status: 'draft' }, true)
  docs.publishedStory = await story({ title: '公開中のタイトル', slug: 'preview-published', _status: 'published' }, false)
  // A newer draft of a published story: the public page keeps the published title, the preview shows the draft's.
  await payload.update({ collection: 'stories', id: docs.publishedStory.id, data: { title: '編集中の新しいタイトル' }, draft: true })
  docs.scheduledStory = await story(
    { title: '予約投稿のストーリー', slug: 'preview-scheduled', _status: 'draft', publishedAt: daysFromNow(3) },
    true,
  )
  docs.otherStory = await story({ title: '別の下書き', slug: 'preview-other', _status: 'draft' }, true)
  docs.plan = (await payload.create({ collection: 'plans', data: planData({ title: '受付中のプラン', status: 'received' }) })) as Doc
  docs.event = (await payload.create({
    collection: 'events',
    data: eventData({ title: '下書きのイベント', slug: 'preview-event', _status: 'draft' }),
    draft: true,
  })) as Doc
  docs.citizen = (await payload.create({
    collection: 'citizens',
    data: citizenData({ displayName: '候補の市民さん', slug: 'preview-citizen', status: 'candidate' }),
  })) as Doc
  const org = (name: string, slug: string) =>
    payload.create({ collection: 'organisations', data: { name, slug, kind: 'npo', published: false } }) as Promise<Doc>
  docs.orgOwn = await org('未公開の自分の団体', 'preview-org-own')
  docs.orgOther = await org('未公開の他の団体', 'preview-org-other')

  for (const role of ['admin', 'editor', 'coordinator', 'organisation'] as const) {
    const user = await createUser(payload, role)
    if (role === 'organisation')
      await payload.update({ collection: 'users', id: user.id, data: { organisations: [docs.orgOwn.id as number] } })
    tokens[role] = await login(user.email)
  }
  const roleless = await payload.create({
    collection: 'users',
    data: { email: `none-${Date.now()}@test.example`, name: '役割なし', roles: [], password: PASSWORD },
  })
  tokens.none = await login(roleless.email)
})
afterAll(() => shutdownPayload(payload))

const ask = (collection: PreviewCollection, id: number | string, who?: keyof typeof tokens) =>
  rest('GET', `/api/${collection}/${id}/preview-url`, { token: who ? tokens[who] : undefined })

/** The token in a preview URL, after checking the URL points at the document's page on the public site. */
function tokenOf(url: string, path: string): string {
  const parsed = new URL(url)
  expect(`${parsed.origin}${parsed.pathname}`).toBe(`${sitePublicUrl()}${path}`)
  expect([...parsed.searchParams.keys()]).toEqual(['preview'])
  return parsed.searchParams.get('preview')!
}

describe('GET /api/<collection>/:id/preview-url', () => {
  // [collection, document, who, status]
  const cases: [PreviewCollection, keyof typeof docs, keyof typeof tokens | undefined, number][] = []
  for (const [collection, doc] of [
    ['stories', 'draftStory'],
    ['plans', 'plan'],
    ['events', 'event'],
    ['citizens', 'citizen'],
    ['organisations', 'orgOther'],
  ] as const) {
    cases.push([collection, doc, undefined, 403], [collection, doc, 'none', 403])
    cases.push([collection, doc, 'admin', 200], [collection, doc, 'editor', 200], [collection, doc, 'coordinator', 200])
    // Organisation managers preview their own organisations' profiles only.
    cases.push([collection, doc, 'organisation', 403])
  }
  cases.push(['organisations', 'orgOwn', 'organisation', 200])

  it.each(cases)('%s %s as %s → %i', async (collection, doc, who, status) => {
    const res = await ask(collection, docs[doc].id, who)
    expect(res.status, res.text).toBe(status)
    if (status === 200) expect(Object.keys(res.json)).toEqual(['url'])
    else expect(res.json.errors[0].message).toBe(PREVIEW_MESSAGES.forbidden)
  })

  it('answers 404 for a document that does not exist, and never 500 for an id of the wrong shape', async () => {
    for (const id of ['999999', 'not-an-id']) {
      const res = await ask('stories', id, 'editor')
      expect(res.status, `${id}: ${res.text}`).toBe(404)
      expect(res.json.errors[0].message).toBe(PREVIEW_MESSAGES.notFound)
    }
  })

  it('links each document to its own page, and the link opens the latest version there', async () => {
    const open = async (collection: PreviewCollection, doc: keyof typeof docs, path: string) =>
      tokenOf((await ask(collection, docs[doc].id, 'editor')).json.url, path)

    const storyToken = await open('stories', 'publishedStory', '/stories/preview-published')
    expect((await previewStory('preview-published', storyToken))?.title).toBe('編集中の新しいタイトル')
    expect((await findStoryBySlug('preview-published'))?.title).toBe('公開中のタイトル')

    const planToken = await open('plans', 'plan', `/plans/${docs.plan.id}`)
    expect((await previewPlan(String(docs.plan.id), planToken))?.title).toBe('受付中のプラン')
    expect(await findPlan(String(docs.plan.id))).toBeNull()

    const eventToken = await open('events', 'event', '/events/preview-event')
    expect((await previewEvent('preview-event', eventToken))?.title).toBe('下書きのイベント')
    expect(await findEventBySlug('preview-event')).toBeNull()

    const citizenToken = await open('citizens', 'citizen', '/citizens/preview-citizen')
    const citizen = await previewCitizen('preview-citizen', citizenToken)
    expect(citizen?.displayName).toBe('候補の市民さん')
    // Only the fields the public page shows, even with access control off.
    expect(JSON.stringify(citizen)).not.toContain('hanako.sato@example.jp')
    expect(await findCitizenBySlug('preview-citizen')).toBeNull()

    const orgToken = tokenOf((await ask('organisations', docs.orgOwn.id, 'organisation')).json.url, '/organisations/preview-org-own')
    expect((await previewOrganisation('preview-org-own', orgToken))?.name).toBe('未公開の自分の団体')
    expect(await findOrganisationBySlug('preview-org-own')).toBeNull()
  })

  it('previews a scheduled post (a draft with a future publish date) while its public page stays a 404', async () => {
    const token = tokenOf((await ask('stories', docs.scheduledStory.id, 'coordinator')).json.url, '/stories/preview-scheduled')
    const story = await previewStory('preview-scheduled', token)
    expect(story?.title).toBe('予約投稿のストーリー')
    expect(Date.parse(story!.publishedAt!)).toBeGreaterThan(Date.now())
    expect(await findStoryBySlug('preview-scheduled')).toBeNull()
  })
})

describe('what a preview token opens', () => {
  const swapLast = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A')

  it.each<[string, () => string, string]>([
    ['its own draft', () => previewToken('stories', docs.draftStory.id), 'preview-draft-only'],
    ['a forged signature', () => swapLast(previewToken('stories', docs.draftStory.id)), ''],
    [
      'another document’s id put in front of a valid signature',
      () => previewToken('stories', docs.draftStory.id).replace(/^[^.]+/, String(docs.otherStory.id)),
      '',
    ],
    ['another document’s valid token on this page', () => previewToken('stories', docs.otherStory.id), ''],
    ['a token for another collection with the same id', () => previewToken('events', docs.draftStory.id), ''],
    ['an expired token', () => previewToken('stories', docs.draftStory.id, Date.now() - PREVIEW_TTL_MS - 1000), ''],
    [
      'an expiry pushed later under the same signature',
      () => previewToken('stories', docs.draftStory.id).replace(/\.(\d+)\./, (_, ms: string) => `.${Number(ms) + 86_400_000}.`),
      '',
    ],
    ['a signature without an expiry', () => `${docs.draftStory.id}.${signLink('preview', `stories:${docs.draftStory.id}`)}`, ''],
    [
      'a cancellation link’s token for the same id',
      () => `${docs.draftStory.id}.${signLink('cancel-registration', docs.draftStory.id, { expiresAt: new Date(Date.now() + 60_000) })}`,
      '',
    ],
    ['an empty token', () => '', ''],
    ['garbage', () => 'abc.def.ghi', ''],
    ['a very long token', () => `${docs.draftStory.id}.${'9'.repeat(400)}`, ''],
  ])('%s', async (_label, token, opens) => {
    const story = await previewStory('preview-draft-only', token())
    expect(story?.slug ?? '').toBe(opens)
  })

  it('expires after an hour, not before', () => {
    const now = Date.now()
    const token = previewToken('plans', docs.plan.id, now)
    expect(verifyPreviewToken('plans', token, now + PREVIEW_TTL_MS - 1000)).toBe(String(docs.plan.id))
    expect(verifyPreviewToken('plans', token, now + PREVIEW_TTL_MS + 1000)).toBeNull()
  })

  it('opens a plan only on that plan’s page', async () => {
    const other = await payload.create({ collection: 'plans', data: planData({ title: '別のプラン', status: 'received' }) })
    const token = previewToken('plans', docs.plan.id)
    expect(await previewPlan(String(other.id), token)).toBeNull()
    expect((await previewPlan(String(docs.plan.id), token))?.title).toBe('受付中のプラン')
  })

  it('leaves the public data cache as it was: the draft never becomes the public answer', async () => {
    expect(await findStoryBySlug('preview-draft-only')).toBeNull()
    expect((await previewStory('preview-draft-only', previewToken('stories', docs.draftStory.id)))?.title).toBe('下書きだけのストーリー')
    expect(await findStoryBySlug('preview-draft-only')).toBeNull()
  })
})
