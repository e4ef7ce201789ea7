import { describe, expect, it } from 'vitest'

import { ALL_TAGS, cheerTag } from '../../cms/lib/cacheProtocol'
import { changedSince, newChangeClock, stampChange } from '../../site/lib/changeClock'

// Whether a render under way while invalidations arrived may be kept (site/lib/changeClock.ts, used by
// site/lib/pageCache.ts): only what the render read counts.

const story = 'stories:12'
const list = 'stories'
const cheers = cheerTag('stories', 12)

describe('a render under way while tags change', () => {
  it.each<[string, string[][], Set<string> | null, { content: boolean; count: boolean }]>([
    ['nothing changed', [], new Set([story, cheers]), { content: false, count: false }],
    [
      'a tag it never read (another test edits an organisation)',
      [['organisations:3']],
      new Set([story, list]),
      { content: false, count: false },
    ],
    ['its own story edited', [[story]], new Set([story, cheers]), { content: true, count: false }],
    ['its story cheered', [[cheers]], new Set([story, cheers]), { content: false, count: true }],
    ['both, in two invalidations', [[cheers], ['organisations:3'], [list]], new Set([list, cheers]), { content: true, count: true }],
    ['everything dropped', [[ALL_TAGS]], new Set([story]), { content: true, count: true }],
    ['untracked render, any change', [['organisations:3']], null, { content: true, count: true }],
    ['untracked render, no change', [], null, { content: false, count: false }],
  ])('%s', (_, invalidations, read, expected) => {
    const clock = newChangeClock()
    stampChange(clock, ['before-it-began'])
    const since = clock.seq
    for (const tags of invalidations) stampChange(clock, tags)
    expect(changedSince(clock, since, read)).toEqual(expected)
  })

  it('leaves a render begun after the change alone', () => {
    const clock = newChangeClock()
    stampChange(clock, [story])
    stampChange(clock, [ALL_TAGS])
    expect(changedSince(clock, clock.seq, new Set([story]))).toEqual({ content: false, count: false })
  })

  it('counts forgetting the stamps as a change of everything for renders under way', () => {
    const clock = newChangeClock()
    const since = clock.seq
    for (let i = 0; i < 10_001; i++) stampChange(clock, [`plans:${i}`])
    expect(clock.stamps.size).toBeLessThanOrEqual(10_000)
    expect(changedSince(clock, since, new Set([story]))).toEqual({ content: true, count: true })
    expect(changedSince(clock, clock.seq, new Set([story]))).toEqual({ content: false, count: false })
  })
})
