import { type ELDHistogram, monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks'

/**
 * How long this process's event loop was held between the previous read and this one, for GET /_internal/page-store:
 * it tells a reader who waited behind synchronous work (a render, a SQLite statement, a GC pause) from one who waited
 * its turn in a busy process. The bench reads it before and after each scenario. Off until first asked (then the
 * first read starts it and returns null).
 */
export type LoopDelay = {
  p50Ms: number
  p99Ms: number
  maxMs: number
  samples: number
  /** The garbage collector's pauses of the main thread in the same span: all, the full (mark-compact) ones, the longest. */
  gc: { pauses: number; ms: number; majorMs: number; maxMs: number }
}

// The timer the histogram samples with: fine enough for the 10–50 ms stretches that decide a p99, cheap enough to leave on.
const RESOLUTION_MS = 2
let histogram: ELDHistogram | null = null
let gc = { pauses: 0, ms: 0, majorMs: 0, maxMs: 0 }

const ms = (ns: number) => Math.round(ns / 1e4) / 100
const round = (n: number) => Math.round(n * 100) / 100

/** The delays since the previous call (and starts over); null on the first call, which starts measuring. */
export function readLoopDelay(): LoopDelay | null {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    histogram.enable()
    // About ten pauses a second in a storm (the bench): the observer's own cost is nothing beside them.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gc.pauses++
        gc.ms += entry.duration
        gc.maxMs = Math.max(gc.maxMs, entry.duration)
        if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMs += entry.duration
      }
    }).observe({ entryTypes: ['gc'] })
    return null
  }
  const read: LoopDelay = {
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    samples: histogram.count,
    gc: { pauses: gc.pauses, ms: round(gc.ms), majorMs: round(gc.majorMs), maxMs: round(gc.maxMs) },
  }
  histogram.reset()
  gc = { pauses: 0, ms: 0, majorMs: 0, maxMs: 0 }
  return read
}
