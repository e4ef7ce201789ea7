import v8 from 'node:v8'
import vm from 'node:vm'

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

  it("counts the garbage collector's pauses in the same span, the full collections apart", async () => {
    readLoopDelay()
    await turns(20)
    readLoopDelay()
    // Short-lived garbage: young-generation pauses only.
    let kept = 0
    for (let i = 0; i < 200_000; i++) kept += new Array(64).fill(i).length
    expect(kept).toBeGreaterThan(0)
    await turns(20)
    const young = readLoopDelay()!
    expect(young.gc.pauses).toBeGreaterThan(0)
    expect(young.gc.ms).toBeGreaterThan(0)
    expect(young.gc.maxMs).toBeLessThanOrEqual(young.gc.ms)

    // A full collection, as V8 runs when the old generation grows.
    v8.setFlagsFromString('--expose-gc')
    const fullGc = vm.runInNewContext('gc') as () => void
    fullGc()
    await turns(20)
    const full = readLoopDelay()!
    expect(full.gc.majorMs).toBeGreaterThan(0)

    // Each read starts the count over: the observer reports asynchronously, so nothing lands between two reads.
    readLoopDelay()
    expect(readLoopDelay()!.gc).toEqual({ pauses: 0, ms: 0, majorMs: 0, maxMs: 0 })
  })
})
