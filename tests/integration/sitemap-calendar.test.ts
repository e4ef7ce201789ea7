// The sitemap lists every public page and nothing else; the calendar feed holds every upcoming event and the past
// year, with what a subscribed calendar needs to update its copy (site/lib/sitemap.ts, site/lib/events.ts, site/lib/ical.ts).
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { invalidate } from '../../site/lib/cache'
import { listAllEventsForCalendar } from '../../site/lib/events'
import { sequenceOf, toICalendar } from '../../site/lib/ical'
import { LIST_PAGES, listSitemapFiles, sitemapEntries, sitemapIndexXml, urlsetXml } from '../../site/lib/sitemap'
import { citizenData, daysFromNow, eventData, planData } from '../helpers/domain'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const ORIGIN = 'https://esuko.example.jp'
const publicPaths: Record<string, string[]> = { stories: [], citizens: [], plans: [], events: [], organisations: [] }
const hiddenPaths: string[] = []

beforeAll(async () => {
  payload = await bootPayload()
  for (let i = 1; i <= 5; i++) {
    const s = await payload.create({
      collection: 'stories',
      data: storyData({ title: `地図の話 ${i}`, slug: `map-story-${i}`, _status: 'published', publishedAt: daysFromNow(-i) }),
    })
    publicPaths.stories.push(`/stories/${s.slug}`)
  }
  const draft = await payload.create({
    collection: 'stories',
    data: storyData({ title: '下書きの話', slug: 'map-draft', _status: 'draft' }),
    draft: true,
  })
  hiddenPaths.push(`/stories/${draft.slug}`)

  const shown = await payload.create({ collection: 'citizens', data: citizenData({ displayName: '地図の田中さん', slug: 'map-tanaka' }) })
  publicPaths.citizens.push(`/citizens/${shown.slug}`)
  const unlisted = await payload.create({
    collection: 'citizens',
    data: citizenData({ displayName: '非公開の山田さん', slug: 'map-yamada', consent: { publication: false, photo: false } }),
  })
  hiddenPaths.push(`/citizens/${unlisted.slug}`)

  const plan = await payload.create({ collection: 'plans', data: planData({ title: '公開のプラン', status: 'published' }) })
  publicPaths.plans.push(`/plans/${plan.id}`)
  const received = await payload.create({ collection: 'plans', data: planData({ title: '受付のプラン', status: 'received' }) })
  hiddenPaths.push(`/plans/${received.id}`)

  const event = await payload.create({ collection: 'events', data: eventData({ title: '地図のイベント', slug: 'map-event' }) })
  publicPaths.events.push(`/events/${event.slug}`)
  const draftEvent = await payload.create({
    collection: 'events',
    data: eventData({ title: '下書きのイベント', slug: 'map-event-draft', _status: 'draft' }),
    draft: true,
  })
  hiddenPaths.push(`/events/${draftEvent.slug}`)

  const org = await payload.create({
    collection: 'organisations',
    data: { name: '地図の会', slug: 'map-org', kind: 'npo', published: true } as never,
  })
  publicPaths.organisations.push(`/organisations/${org.slug}`)
  const hiddenOrg = await payload.create({
    collection: 'organisations',
    data: { name: '非公開の会', slug: 'map-org-hidden', kind: 'npo', published: false } as never,
  })
  hiddenPaths.push(`/organisations/${hiddenOrg.slug}`)
}, 60_000)
afterAll(() => shutdownPayload(payload))
beforeEach(() => invalidate(['*']))

describe('the sitemap', () => {
  it('lists every public document of each kind, with its updatedAt as lastmod, and nothing the public cannot read', async () => {
    const files = await listSitemapFiles()
    expect(files.map((f) => f.section).sort()).toEqual(['citizens', 'events', 'organisations', 'pages', 'plans', 'stories'])
    const listed: string[] = []
    for (const file of files) {
      const entries = (await sitemapEntries(file.section, file.page))!
      listed.push(...entries.map((e) => e.path))
      for (const e of entries.filter((x) => x.path !== '/' && !LIST_PAGES.includes(x.path))) expect(e.lastmod, e.path).toMatch(/^\d{4}-/)
    }
    for (const [kind, paths] of Object.entries(publicPaths)) for (const p of paths) expect(listed, kind).toContain(p)
    for (const p of hiddenPaths) expect(listed).not.toContain(p)
    for (const p of LIST_PAGES) expect(listed).toContain(p)
  })

  it('splits a kind into as many files as its URLs need, each listed in the index', async () => {
    const perFile = 2
    const files = (await listSitemapFiles(perFile)).filter((f) => f.section === 'stories')
    expect(files.map((f) => f.page)).toEqual([1, 2, 3]) // 5 published stories, 2 a file
    const all = []
    for (const f of files) {
      const entries = (await sitemapEntries('stories', f.page, perFile))!
      expect(entries.length).toBeLessThanOrEqual(perFile)
      all.push(...entries.map((e) => e.path))
    }
    expect(all.sort()).toEqual([...publicPaths.stories].sort())
    expect(await sitemapEntries('stories', 4, perFile)).toBeNull()
    // Read in chunks that tile each file, the files hold the same URLs in the same order.
    for (const f of files)
      expect(await sitemapEntries('stories', f.page, perFile, 1)).toEqual(await sitemapEntries('stories', f.page, perFile))
    const whole = (await sitemapEntries('stories', 1, 6))!
    expect((await sitemapEntries('stories', 1, 6, 2))!.map((e) => e.path)).toEqual(whole.map((e) => e.path))
    expect(await sitemapEntries('stories', 2, 4, 2)).toHaveLength(1)
    expect(await sitemapEntries('stories', 3, 4, 2)).toBeNull()
    // Between chunks the process serves others: SQLite reads are synchronous, and 100,000 stories read without a
    // pause held a site process for seconds (its kept-alive connections were reset meanwhile).
    let turns = 0
    let ticking = true
    const tick = () => {
      turns++
      if (ticking) setImmediate(tick)
    }
    setImmediate(tick)
    await sitemapEntries('stories', 1, 6, 1)
    ticking = false
    expect(turns).toBeGreaterThanOrEqual(4) // five stories, one a read
    const index = sitemapIndexXml(files, ORIGIN)
    expect(index).toContain(`<loc>${ORIGIN}/sitemaps/stories-3.xml</loc>`)
    expect(index).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex /)
  })

  it('writes absolute, escaped URLs', () => {
    const xml = urlsetXml([{ path: '/stories/a&b', lastmod: '2026-04-01T00:00:00.000Z' }], ORIGIN)
    expect(xml).toContain(`<url><loc>${ORIGIN}/stories/a&amp;b</loc><lastmod>2026-04-01T00:00:00.000Z</lastmod></url>`)
  })
})

describe('the calendar feed', () => {
  it('holds every upcoming event however many there are, and those of the past year only', async () => {
    // Written straight to the database (no hooks, no versions): only the number matters here, and 510 creates
    // through every hook would take most of a minute.
    const now = new Date().toISOString()
    const created = []
    for (let i = 0; i < 510; i++) {
      const data = eventData({ title: `連続講座 第${i + 1}回`, slug: `series-${i}`, startsAt: daysFromNow(-330 + i) })
      created.push(payload.db.create({ collection: 'events', data: { ...data, createdAt: now, updatedAt: now } }))
      if (created.length === 50) await Promise.all(created.splice(0))
    }
    await Promise.all(created)
    await payload.create({
      collection: 'events',
      data: eventData({ title: '二年前の催し', slug: 'long-ago', startsAt: daysFromNow(-400) }),
    })
    invalidate(['*'])
    const events = await listAllEventsForCalendar()
    const slugs = new Set(events.map((e) => e.slug))
    for (let i = 0; i < 510; i++) expect(slugs.has(`series-${i}`), `series-${i}`).toBe(true)
    expect(slugs.has('long-ago')).toBe(false)
    expect(slugs.has('map-event-draft')).toBe(false)
    const ics = toICalendar(events, ORIGIN)
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(events.length)
  }, 120_000)

  it('raises SEQUENCE and LAST-MODIFIED when an event changes, so subscribed calendars update it', async () => {
    const event = await payload.create({ collection: 'events', data: eventData({ title: '日程が変わる会', slug: 'moved-event' }) })
    const find = async () => {
      invalidate(['*'])
      return (await listAllEventsForCalendar()).find((e) => e.slug === 'moved-event')!
    }
    const before = await find()
    await new Promise((r) => setTimeout(r, 1_100))
    await payload.update({ collection: 'events', id: event.id, data: { startsAt: daysFromNow(31), cancelled: true } })
    const after = await find()
    expect(sequenceOf(after)).toBeGreaterThan(sequenceOf(before))
    const block = (e: typeof after) => toICalendar([e], ORIGIN).split('\r\n')
    expect(block(after)).toContain(`SEQUENCE:${sequenceOf(after)}`)
    expect(block(after)).toContain('STATUS:CANCELLED')
    const modified = (e: typeof after) => block(e).find((l) => l.startsWith('LAST-MODIFIED:'))
    expect(modified(after)).toMatch(/^LAST-MODIFIED:\d{8}T\d{6}Z$/)
    expect(modified(after)).not.toBe(modified(before))
  })
})
