import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { normaliseSearchText, parseSearchQuery, snippetParts } from '../../cms/domain/searchText'
import { searchStore } from '../../cms/db/search'
import { reindexAll } from '../../cms/hooks/syncSearchIndex'
import { searchSite, SEARCH_PAGE_SIZE } from '../../cms/lib/search'
import { searchPortal } from '../../site/lib/search'
import { storyData, recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let editor: User & { collection: 'users' }

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

let seq = 0
async function story(title: string, body: string, publishedAt: string | null, status: 'published' | 'draft' = 'published') {
  seq++
  return payload.create({
    collection: 'stories',
    user: editor,
    data: storyData({
      title,
      slug: `search-story-${seq}`,
      body: paragraph(body) as never,
      reviewStatus: 'approved',
      ...(publishedAt ? { publishedAt } : {}),
      _status: status,
    }),
    draft: status === 'draft',
  })
}

async function citizen(displayName: string, status: 'registered' | 'candidate', extra: Record<string, unknown> = {}) {
  seq++
  return payload.create({
    collection: 'citizens',
    user: editor,
    data: {
      displayName,
      slug: `search-citizen-${seq}`,
      town: '三刀屋町',
      status,
      consent: recordedConsent({ publication: status === 'registered' }),
      ...extra,
    } as never,
  })
}

const paths = async (q: string, page = 1) => {
  const outcome = await searchSite(payload, q, page)
  if (outcome.status !== 'ok') throw new Error(`refused: ${outcome.status}`)
  return outcome.results.map((r) => r.path)
}

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
})
afterAll(() => shutdownPayload(payload))

describe('normalisation (cms/domain/searchText.ts)', () => {
  it.each([
    ['スマホ', 'すまほ'],
    ['ｽﾏﾎ', 'すまほ'],
    ['すまほ', 'すまほ'],
    ['ｶﾞｲﾄﾞ', 'がいど'],
    ['ＡＢＣ', 'abc'],
    ['abc', 'abc'],
    ['１２３', '123'],
    ['野菜', '野菜'],
    ['  見守り　　活動 ', '見守り 活動'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSearchText(input)).toBe(expected)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['！？・', 'empty'],
    ['あ'.repeat(101), 'too_long'],
  ])('query %j is refused as %s', (q, reason) => {
    expect(parseSearchQuery(q)).toMatchObject({ ok: false, reason })
  })

  it('accepts 100 characters and splits words on spaces and punctuation', () => {
    expect(parseSearchQuery('あ'.repeat(100)).ok).toBe(true)
    expect(parseSearchQuery('スマホ　野菜・ABC')).toMatchObject({ ok: true, terms: ['すまほ', '野菜', 'abc'] })
  })

  it('marks the match in the original text, whatever its width or script', () => {
    const parts = snippetParts('きょうはｽﾏﾎ教室でした', ['すまほ'])
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['ｽﾏﾎ'])
    expect(parts.map((p) => p.text).join('')).toBe('きょうはｽﾏﾎ教室でした')
  })
})

describe('what is found', () => {
  let phone: string
  beforeAll(async () => {
    const s = await story(
      'スマホ教室で野菜の写真を送りあう',
      'ＡＢＣ農園の１２３号畑でとれた野菜を、ｽﾏﾎで撮って送りました。',
      '2026-01-10T00:00:00.000Z',
    )
    phone = `/stories/${s.slug}`
  })

  it.each([
    ['すまほ', 'hiragana finds katakana'],
    ['ｽﾏﾎ', 'half-width finds full-width'],
    ['スマホ', 'the same script'],
    ['野菜', 'a two-character word'],
    ['abc', 'half-width letters find full-width'],
    ['ＡＢＣ', 'full-width letters'],
    ['123', 'half-width digits find full-width'],
    ['１２３', 'full-width digits'],
    ['畑', 'a single character'],
    ['野菜 写真', 'two words, both present'],
  ])('%s (%s)', async (q) => {
    expect(await paths(q)).toContain(phone)
  })

  it.each([['野菜 自転車'], ['すまほん'], ['菜野']])('%s is not found (every word, in order)', async (q) => {
    expect(await paths(q)).not.toContain(phone)
  })
})

describe('ranking and pages', () => {
  it('puts title matches first, newer before older among equals', async () => {
    const oldTitle = await story('ひまわり畑の草取り', 'みんなで草を取りました。', '2024-05-01T00:00:00.000Z')
    const newBody = await story('夏の作業', '今年もひまわりが咲きました。', '2026-06-01T00:00:00.000Z')
    const midTitle = await story('ひまわりの種を配る', '種を分けあいました。', '2025-05-01T00:00:00.000Z')
    expect(await paths('ひまわり')).toEqual([midTitle, oldTitle, newBody].map((s) => `/stories/${s.slug}`))
    // A page that starts among the title matches and ends among the body matches; a count that stops at a cap.
    const store = searchStore(payload)
    const across = await store.query(['ひまわり'], 1, 2, 1000)
    expect(across.hits.map((h) => [h.path, h.inTitle])).toEqual([
      [`/stories/${oldTitle.slug}`, true],
      [`/stories/${newBody.slug}`, false],
    ])
    expect(await store.query(['ひまわり'], 0, 10, 2)).toMatchObject({ total: 2, more: true })
    expect(await store.query(['ひまわり'], 0, 10, 3)).toMatchObject({ total: 3, more: false })
  })

  it('pages through many results', async () => {
    for (let i = 0; i < SEARCH_PAGE_SIZE + 2; i++)
      await story(`れんこん便り${i}`, '本文', `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`)
    const first = await searchSite(payload, 'れんこん', 1)
    const second = await searchSite(payload, 'れんこん', 2)
    expect(first).toMatchObject({ status: 'ok', total: SEARCH_PAGE_SIZE + 2, totalPages: 2 })
    expect(second.status === 'ok' && second.results.length).toBe(2)
    const all = [...(first.status === 'ok' ? first.results : []), ...(second.status === 'ok' ? second.results : [])]
    expect(new Set(all.map((r) => r.path)).size).toBe(SEARCH_PAGE_SIZE + 2)
  })

  it('answers an empty or over-long query with a reason, not an error', async () => {
    expect(await searchSite(payload, '', 1)).toMatchObject({ status: 'empty' })
    expect(await searchSite(payload, 'x'.repeat(500), 1)).toMatchObject({ status: 'too_long' })
  })
})

describe('only what the public may read', () => {
  it('never finds a draft, a private citizen, a withdrawn plan, an unpublished organisation or a private field', async () => {
    await story('こんにゃく工房の下書き', '下書き', null, 'draft')
    await citizen('こんにゃく名人', 'candidate')
    await citizen('公開の市民さん', 'registered', { private: { legalName: 'こんにゃく太郎', notes: 'こんにゃくの職員メモ' } })
    await payload.create({
      collection: 'plans',
      user: editor,
      data: { kind: 'challenge', title: 'こんにゃく作り', description: '取り下げ', town: '大東町', status: 'withdrawn' } as never,
    })
    await payload.create({
      collection: 'organisations',
      user: editor,
      data: { name: 'こんにゃく研究会', kind: 'npo', published: false } as never,
    })
    await payload.create({
      collection: 'events',
      user: editor,
      data: { kind: 'furumai', title: 'こんにゃく祭り', startsAt: '2026-12-01T01:00:00.000Z', town: '大東町', _status: 'draft' } as never,
      draft: true,
    })
    expect(await paths('こんにゃく')).toEqual([])
    // The public citizen is there, by its public fields only.
    expect((await paths('公開の市民')).length).toBe(1)
  })

  it('covers every kind of public document', async () => {
    const c = await citizen('れんげ畑の案内人', 'registered')
    const plan = await payload.create({
      collection: 'plans',
      user: editor,
      data: { kind: 'want_to_try', title: 'れんげ畑で遊ぶ会', description: '春に', town: '大東町', status: 'published' } as never,
    })
    const ev = await payload.create({
      collection: 'events',
      user: editor,
      data: {
        kind: 'furumai',
        title: 'れんげ畑のつどい',
        slug: 'renge-event',
        startsAt: '2026-04-01T01:00:00.000Z',
        town: '大東町',
        _status: 'published',
      } as never,
    })
    const org = await payload.create({
      collection: 'organisations',
      user: editor,
      data: { name: 'れんげ畑の会', slug: 'renge-org', kind: 'npo', published: true } as never,
    })
    expect((await paths('れんげ')).sort()).toEqual(
      [`/citizens/${c.slug}`, `/plans/${plan.id}`, `/events/${ev.slug}`, `/organisations/${org.slug}`].sort(),
    )
  })
})

describe('the index follows the documents', () => {
  it('publish, unpublish, edit and delete', async () => {
    const s = await story('たけのこ掘り', 'たけのこ', null, 'draft')
    const path = `/stories/${s.slug}`
    expect(await paths('たけのこ')).toEqual([])
    await payload.update({ collection: 'stories', id: s.id, user: editor, data: { _status: 'published' } })
    expect(await paths('たけのこ')).toEqual([path])
    // A new draft of a published story: the public still reads (and finds) the published text.
    await payload.update({ collection: 'stories', id: s.id, user: editor, data: { title: 'ふきのとう' }, draft: true })
    expect(await paths('たけのこ')).toEqual([path])
    expect(await paths('ふきのとう')).toEqual([])
    await payload.update({ collection: 'stories', id: s.id, user: editor, data: { _status: 'draft' } })
    expect(await paths('たけのこ')).toEqual([])
    await payload.update({ collection: 'stories', id: s.id, user: editor, data: { title: 'たけのこご飯', _status: 'published' } })
    expect(await paths('ごはん')).toEqual([])
    expect(await paths('ご飯')).toEqual([path])
    await payload.delete({ collection: 'stories', id: s.id, user: editor })
    expect(await paths('たけのこ')).toEqual([])
  })

  it('drops a plan when it is withdrawn and a citizen when consent is withdrawn', async () => {
    const plan = await payload.create({
      collection: 'plans',
      user: editor,
      data: { kind: 'challenge', title: 'わさび田の再生', description: '谷の田んぼ', town: '吉田町', status: 'published' } as never,
    })
    expect(await paths('わさび')).toEqual([`/plans/${plan.id}`])
    await payload.update({ collection: 'plans', id: plan.id, user: editor, data: { status: 'withdrawn' } as never })
    expect(await paths('わさび')).toEqual([])

    const c = await citizen('しいたけ名人', 'registered')
    expect(await paths('しいたけ')).toEqual([`/citizens/${c.slug}`])
    await payload.update({ collection: 'citizens', id: c.id, user: editor, data: { status: 'paused' } as never })
    expect(await paths('しいたけ')).toEqual([])
  })

  it('a full reindex gives the same results', async () => {
    const before = await paths('野菜')
    await reindexAll(payload)
    expect(await paths('野菜')).toEqual(before)
  })

  it('the cached site search drops its results when a searched collection changes', async () => {
    const first = await searchPortal('ごぼう', 1)
    expect(first.status === 'ok' && first.total).toBe(0)
    await story('ごぼう掘り', 'ごぼう', '2026-02-01T00:00:00.000Z')
    const second = await searchPortal('ごぼう', 1)
    expect(second.status === 'ok' && second.total).toBe(1)
  })
})

describe('admin list search by the same rules', () => {
  it('finds スマホ when staff type すまほ or ｽﾏﾎ into the list search', async () => {
    const s = await story('スマホでつながる茶話会', '本文', '2026-03-01T00:00:00.000Z')
    for (const term of ['すまほ', 'ｽﾏﾎ', 'スマホ']) {
      const { docs } = await payload.find({
        collection: 'stories',
        // What the admin list sends for a search (payload's mergeListSearchAndWhere over listSearchableFields).
        where: { or: [{ title: { like: term } }, { searchText: { like: term } }] },
        user: editor,
        overrideAccess: false,
        draft: true,
      })
      expect(docs.map((d) => d.id)).toContain(s.id)
    }
    expect(payload.collections.stories.config.admin.listSearchableFields).toEqual(['title', 'searchText'])
  })
})
