import { describe, expect, it } from 'vitest'

import { isCountTag } from '../../cms/lib/siteInvalidation'
import { cacheSize, cacheTagCount, clearCache, invalidate, noteDirectRead, recordReads, remember } from '../../site/lib/cache'

// The page cache keeps a page under the tags its render read (site/lib/pageCache.ts): what is recorded decides
// which edits drop which pages, so a missed tag would leave a page stale after an edit.
describe('what a render read', () => {
  it('records the tags of every cached read, whether it was loaded or already cached', async () => {
    const load = async () => 1
    await remember('warm', ['stories', 'media'], load)
    const { reads } = await recordReads(async () => {
      await remember('warm', ['stories', 'media'], load) // a hit
      await remember(`cold-${Date.now()}`, ['cheers:stories:7'], load) // a miss
      return null
    })
    expect([...reads.tags].sort()).toEqual(['cheers:stories:7', 'media', 'stories'])
    expect(reads.untracked).toBe(false)
  })

  it('marks a render untracked when it reads Payload outside a cached finder, and not when a finder does', async () => {
    const inside = await recordReads(() => remember(`finder-${Date.now()}`, ['plans'], async () => noteDirectRead()))
    expect(inside.reads.untracked).toBe(false)
    const outside = await recordReads(async () => noteDirectRead())
    expect(outside.reads.untracked).toBe(true)
    // Outside any render nothing is recorded (forms, the health check).
    expect(() => noteDirectRead()).not.toThrow()
  })

  it('keeps concurrent renders apart', async () => {
    const gate = () => new Promise((r) => setTimeout(r, 5))
    const [a, b] = await Promise.all([
      recordReads(async () => {
        await gate()
        return remember(`a-${Date.now()}`, ['events'], async () => 'a')
      }),
      recordReads(async () => {
        await gate()
        return remember(`b-${Date.now()}`, ['organisations'], async () => 'b')
      }),
    ])
    expect([...a.reads.tags]).toEqual(['events'])
    expect([...b.reads.tags]).toEqual(['organisations'])
  })

  it('keeps a read that was under way while an unrelated tag changed, and not one whose own tag changed', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let loads = 0
    const slow = async () => {
      await gate
      return ++loads
    }
    const plans = remember('under-way-plans', ['plans'], slow)
    const events = remember('under-way-events', ['events'], slow)
    // A cheer storm invalidates count tags all the time: the reads of other pages must still be kept.
    invalidate(['cheers:stories:1'])
    invalidate(['events'])
    release()
    await Promise.all([plans, events])
    expect(loads).toBe(2)
    expect(await remember('under-way-plans', ['plans'], slow)).toBe(await plans)
    expect(loads).toBe(2)
    await remember('under-way-events', ['events'], slow)
    expect(loads).toBe(3)
  })

  it('still loads again after an invalidation of a tag it read', async () => {
    let loads = 0
    const load = async () => ++loads
    await remember('count', ['cheers:plans:3'], load)
    invalidate(['cheers:plans:3'])
    expect(await remember('count', ['cheers:plans:3'], load)).toBe(2)
  })
})

describe('which tags only change counts', () => {
  it.each([
    ['cheers:stories:12', true],
    ['cheers', true],
    ['event-registrations', false],
    ['kpi-tallies', true],
    ['stories', false],
    ['media', false],
    ['site-settings', false],
    ['*', false],
  ])('%s → %s', (tag, count) => expect(isCountTag(tag)).toBe(count))

  it('forgets a tag once no cached read carries it (the pre-renderer reads every document of the site once)', async () => {
    clearCache()
    const n = 2_500
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        remember(`story-${i}`, [`stories/slug-${i}`, 'site-settings'], async () => ({ id: i }), {
          tagsOf: (story) => [`stories#${story.id}`],
        }),
      ),
    )
    // The cache holds its 2,000 newest reads: their slug and document tags, and the one they share.
    expect(cacheSize()).toBe(2_000)
    expect(cacheTagCount()).toBe(2 * 2_000 + 1)
    invalidate(['stories#2499'])
    expect(cacheTagCount()).toBe(2 * 1_999 + 1)
    invalidate(['site-settings'])
    expect([cacheSize(), cacheTagCount()]).toEqual([0, 0])
  })
})
