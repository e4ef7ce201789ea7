import { describe, expect, it } from 'vitest'

import { cheerCountTag, cheerTag, isCountTag, tallyTag } from '../../cms/lib/cacheProtocol'
import { isLiveCountTag, showsLiveCount, writeLiveCounts } from '../../site/lib/liveCounts'

// As site/components/CheerForm.astro prints it.
const slot = (tag: string, count: number, rest = ' data-cheer-count') => `<strong data-live-count="${tag}"${rest}>${count}</strong>`
const story12 = cheerCountTag('stories', 12)
const plan = cheerCountTag('plans', '65a1f0c2e4b0a1b2c3d4e5f6')

describe('live counts: numbers a kept page shows, written in place when they change', () => {
  it.each([
    [story12, true],
    [plan, true],
    [cheerCountTag('citizens', 7), true],
    // The target's messages (an editor's change): the page is rendered again.
    [cheerTag('stories', 12), false],
    [tallyTag('meetings'), false],
    ['stories', false],
    ['cheers:count:stories:12:x', false],
    ['cheers:count:stories:', false],
  ])('%s is a live count: %s', (tag, live) => {
    expect(isLiveCountTag(tag)).toBe(live)
    // Every live count is a count tag: its change never drops a page (cms/lib/cacheProtocol.ts).
    if (live) expect(isCountTag(tag)).toBe(true)
  })

  it('writes each count into its own slots and leaves the rest of the page as it was', () => {
    const page = Buffer.from(
      `<p>拍手: ${slot(story12, 5)} 回</p><p>${slot(plan, 9, '')}</p><p>${slot(story12, 5, ' class="big"')}</p><p>5</p>`,
    )
    const written = writeLiveCounts(page, new Map([[story12, 6]]))
    expect(written.toString()).toBe(
      `<p>拍手: ${slot(story12, 6)} 回</p><p>${slot(plan, 9, '')}</p><p>${slot(story12, 6, ' class="big"')}</p><p>5</p>`,
    )
    // The tests and the bench read the count as before.
    expect(/data-cheer-count>(\d+)</.exec(written.toString())?.[1]).toBe('6')
    expect(writeLiveCounts(written, new Map([[plan, 10]])).toString()).toContain(slot(plan, 10, ''))
  })

  it('returns the same page when no number moved, or no slot shows the tag', () => {
    const page = Buffer.from(`<p>${slot(story12, 5)}</p>`)
    expect(writeLiveCounts(page, new Map([[story12, 5]]))).toBe(page)
    expect(writeLiveCounts(page, new Map([[plan, 3]]))).toBe(page)
    expect(showsLiveCount(page, story12)).toBe(true)
    expect(showsLiveCount(page, plan)).toBe(false)
    expect(showsLiveCount(page, cheerCountTag('stories', 1))).toBe(false)
  })
})
