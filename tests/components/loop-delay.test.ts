import { describe, expect, it } from 'vitest'

import { readLoopDelay } from '../../site/lib/loopDelay'

const hold = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until);
}
const turns = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// The bench tells readers held behind synchronous work from readers queued in a busy process by this figure.
describe('the event-loop delay since the last read', () => {
  it('starts on the first read, then reports a held loop, and starts over after each read', async () => {
    expect(readLoopDelay()).toBeNull()
    await turns(50)
    hold(60)
    await turns(50)
    const held = readLoopDelay()!
    expect(held.samples).toBeGreaterThan(5)
    expect(held.maxMs).toBeGreaterThanOrEqual(50)
    expect(held.p50Ms).toBeLessThan(held.maxMs)

    await turns(100)
    const calm = readLoopDelay()!
    expect(calm.samples).toBeGreaterThan(5)
    expect(calm.maxMs).toBeLessThan(held.maxMs)
  })
})
