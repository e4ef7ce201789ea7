import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimLock } from '../../site/lib/prerender'
import {
  fileOf,
  isStoredRoute,
  MAX_AGE_MS,
  MAX_SERVE_AGE_MS,
  newTagClock,
  parseStoredPage,
  readStoredMeta,
  readStoredPage,
  recordChange,
  removeStoredPage,
  storedState,
  writeStoredPage,
} from '../../site/lib/pageStore'
import { DATA_CACHE_TTL_MS } from '../../cms/lib/cacheProtocol'

// The page store's rules (site/lib/pageStore.ts): which URLs it keeps, when a stored copy may be served, and that
// what is read back is exactly what was written. tests/e2e/shared-state.test.ts serves from it across processes.

describe('which URLs are kept on disk', () => {
  it.each([
    ['/stories/kakeya-farm', true],
    ['/citizens/yamada', true],
    ['/plans/12', true],
    ['/organisations/kamo-npo', true],
    ['/stories', false],
    ['/stories/a/b', false],
    ['/stories/a?page=2', false],
    ['/events/matsuri', false],
    ['/', false],
    ['/search', false],
  ])('%s → %s', (key, kept) => expect(isStoredRoute(key)).toBe(kept))
})

describe('when a stored copy may be served', () => {
  const start = 1_000_000
  const later = start + 10_000
  const clockWith = (changes: [string, number][], allAt = 0) => {
    const clock = newTagClock(start)
    for (const [tag, at] of changes) recordChange(clock, [tag], at)
    clock.allAt = allAt
    return clock
  }
  it.each([
    ['nothing changed since the render', [], 0, later, 'fresh'],
    ['rendered before this process started (an edit it never heard of)', [], 0, start - 1, 'unusable'],
    ['a content tag changed after the render (an edit, a withdrawal)', [['stories', later + 5] as [string, number]], 0, later, 'unusable'],
    ['a content tag changed in the render’s own millisecond', [['citizens', later] as [string, number]], 0, later, 'unusable'],
    ['a content tag changed before the render', [['stories', later - 5] as [string, number]], 0, later, 'fresh'],
    ['only its cheer count changed', [['cheers:stories:7', later + 5] as [string, number]], 0, later, 'stale'],
    ['a tag it did not read changed', [['events', later + 5] as [string, number]], 0, later, 'fresh'],
    ['everything changed after the render', [], later + 1, later, 'unusable'],
  ])('%s', (_, changes, allAt, renderedAt, expected) => {
    const clock = clockWith(changes as [string, number][], allAt as number)
    const meta = { renderedAt: renderedAt as number, tags: ['stories', 'citizens', 'cheers:stories:7'], writer: clock.self }
    expect(storedState(meta, clock, later + 10)).toBe(expected)
  })

  it('reaches a data-cache lifetime further back for a page another process rendered (it may have heard later)', () => {
    const clock = clockWith([['stories', later]])
    const own = { renderedAt: later + 1_000, tags: ['stories'], writer: clock.self }
    const other = { ...own, writer: 'another-process' }
    expect(storedState(own, clock, later + 2_000)).toBe('fresh')
    expect(storedState(other, clock, later + 2_000)).toBe('unusable')
    expect(storedState({ ...other, renderedAt: later + DATA_CACHE_TTL_MS + 1 }, clock, later + DATA_CACHE_TTL_MS + 2)).toBe('fresh')
    // Nor is another process's page from just after this one started: it may hold what this one never heard of.
    expect(storedState({ ...other, tags: [], renderedAt: start + 1 }, clock, later)).toBe('unusable')
  })

  it('serves a copy past its age once more, to be rendered again behind it', () => {
    const clock = newTagClock(start)
    expect(storedState({ writer: clock.self, renderedAt: later, tags: [] }, clock, later + MAX_AGE_MS + 1)).toBe('stale')
    // Its forms' fill-time token must stay far inside its 24 hours.
    expect(storedState({ writer: clock.self, renderedAt: later, tags: [] }, clock, later + MAX_SERVE_AGE_MS + 1)).toBe('unusable')
  })

  it('serves a copy once more, to be rendered again behind it, once the clock changes what it shows (a notice)', () => {
    const clock = newTagClock(start)
    const meta = { writer: clock.self, renderedAt: later, tags: ['site-settings'], changesAt: later + 60_000 }
    expect(storedState(meta, clock, later + 59_999)).toBe('fresh')
    expect(storedState(meta, clock, later + 60_000)).toBe('stale')
  })

  it('counts "everything" when told so, or when it has heard of too many tags to remember', () => {
    const clock = newTagClock(start)
    recordChange(clock, ['*'], later)
    expect(storedState({ writer: clock.self, renderedAt: later, tags: [] }, clock, later + 1)).toBe('unusable')
    expect(storedState({ writer: clock.self, renderedAt: later + 1, tags: [] }, clock, later + 2)).toBe('fresh')
    const full = newTagClock(start)
    for (let i = 0; i < 100_000; i += 1000)
      recordChange(
        full,
        Array.from({ length: 1000 }, (_, j) => `cheers:stories:${i + j}`),
        later,
      )
    expect(full.changedAt.size).toBe(100_000)
    recordChange(full, ['cheers:stories:x'], later + 5)
    expect(full.changedAt.size).toBe(0)
    expect(full.allAt).toBe(later + 5)
  })
})

describe('the files', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-page-store-'))
    process.env.ESUKO_PAGE_STORE_DIR = dir
  })
  afterAll(() => {
    delete process.env.ESUKO_PAGE_STORE_DIR
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const body = Buffer.from(`<!doctype html><title>雲南の話</title>${'<p>えすこな雲南市</p>'.repeat(200)}`)
  const page = {
    key: '/stories/unnan',
    writer: 'test',
    body,
    etag: 'W/"abc"',
    headers: [['content-type', 'text/html; charset=utf-8']] as [string, string][],
    tags: ['stories', 'cheers:stories:1'],
    renderedAt: 1234,
  }

  it('reads back what was written, in both encodings', async () => {
    await writeStoredPage(page).written
    const stored = await readStoredPage(page.key)
    expect(stored).toMatchObject({
      key: page.key,
      writer: 'test',
      etag: page.etag,
      headers: page.headers,
      tags: page.tags,
      renderedAt: 1234,
      size: body.length,
    })
    expect(zlib.brotliDecompressSync(stored!.br).equals(body)).toBe(true)
    expect(zlib.gunzipSync(stored!.gzip).equals(body)).toBe(true)
    expect(fs.readdirSync(path.dirname(fileOf(page.key))).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('keeps when the clock changes what the page shows, and nothing when it never does', async () => {
    await writeStoredPage({ ...page, key: '/stories/notice', changesAt: 98_765 }).written
    expect(readStoredMeta('/stories/notice')?.changesAt).toBe(98_765)
    await writeStoredPage({ ...page, key: '/stories/no-notice', changesAt: Infinity }).written
    expect(readStoredMeta('/stories/no-notice')).not.toHaveProperty('changesAt')
  })

  it('treats a missing, cut-short, foreign or other URL’s file as a miss', async () => {
    await writeStoredPage(page).written
    const buf = fs.readFileSync(fileOf(page.key))
    expect(parseStoredPage(buf, page.key)).not.toBeNull()
    expect(parseStoredPage(buf.subarray(0, buf.length - 1), page.key)).toBeNull()
    expect(parseStoredPage(Buffer.from('not a page'), page.key)).toBeNull()
    expect(parseStoredPage(buf, '/stories/other')).toBeNull()
    expect(await readStoredPage('/stories/never-written')).toBeNull()
    await removeStoredPage(page.key)
    expect(await readStoredPage(page.key)).toBeNull()
  })

  it('reads only the head of a page for the pre-renderer, whatever its length', async () => {
    // Tags enough to push the head past the first read of the file.
    const long = { ...page, key: '/stories/long-head', tags: Array.from({ length: 400 }, (_, i) => `stories#${i}`) }
    for (const p of [page, long]) {
      await writeStoredPage(p).written
      expect(readStoredMeta(p.key)).toMatchObject({ key: p.key, tags: p.tags, renderedAt: 1234, size: body.length })
    }
    expect(readStoredMeta('/stories/other')).toBeNull()
    const file = fileOf(long.key)
    fs.mkdirSync(path.dirname(fileOf('/stories/other')), { recursive: true })
    fs.copyFileSync(file, fileOf('/stories/other'))
    expect(readStoredMeta('/stories/other')).toBeNull()
    fs.truncateSync(file, fs.statSync(file).size - 1)
    expect(readStoredMeta(long.key)).toBeNull()
    fs.writeFileSync(file, 'not a page')
    expect(readStoredMeta(long.key)).toBeNull()
  })

  it('writes and removes one URL’s file in the order asked (on the writer thread)', async () => {
    const key = '/stories/in-order'
    const versions = [1, 2, 3].map((n) => ({ ...page, key, etag: `W/"v${n}"`, renderedAt: n }))
    // Asked in one go, without waiting: each lands after the one before.
    const steps = [
      writeStoredPage(versions[0]).written,
      removeStoredPage(key),
      writeStoredPage(versions[1]).written,
      writeStoredPage(versions[2]).written,
    ]
    await Promise.all(steps)
    expect(readStoredPage(key)).toMatchObject({ etag: 'W/"v3"', renderedAt: 3 })
    await Promise.all([writeStoredPage(versions[0]).written, removeStoredPage(key)])
    expect(readStoredPage(key)).toBeNull()
    expect(fs.readdirSync(path.dirname(fileOf(key))).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('reports a write that failed, and goes on writing', async () => {
    // A folder where the page's file should be: the rename fails.
    const key = '/stories/blocked'
    fs.mkdirSync(fileOf(key), { recursive: true })
    await expect(writeStoredPage({ ...page, key }).written).rejects.toThrow()
    expect(fs.readdirSync(path.dirname(fileOf(key))).filter((f) => f.endsWith('.tmp'))).toEqual([])
    await writeStoredPage({ ...page, key: '/stories/after-the-failure' }).written
    expect(readStoredPage('/stories/after-the-failure')).toMatchObject({ key: '/stories/after-the-failure' })
  })

  it('lets one process at a time render a page, and takes over a lock abandoned for a minute', () => {
    const lock = path.join(dir, 'ab', 'cd.page.lock')
    expect(claimLock(lock)).toBe(true)
    expect(claimLock(lock)).toBe(false)
    const twoMinutesAgo = new Date(Date.now() - 120_000)
    fs.utimesSync(lock, twoMinutesAgo, twoMinutesAgo)
    expect(claimLock(lock)).toBe(true)
    expect(fs.statSync(lock).mtimeMs).toBeGreaterThan(Date.now() - 10_000)
    expect(claimLock(lock)).toBe(false)
    fs.rmSync(lock)
    expect(claimLock(lock)).toBe(true)
  })
})
