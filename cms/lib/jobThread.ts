import { Worker } from 'node:worker_threads'

/**
 * A worker thread that runs one job at a time, in the order they were asked, for work that waits for the disk and
 * would otherwise stop the event loop: the page store's writes (site/lib/pageStore.ts), the residents' cheers on
 * SQLite (cms/db/cheers/sqlite.ts). The thread's source is CommonJS text run with `eval` (bundlers leave it alone);
 * it answers every message `{ id, job }` with `{ id, result }` or `{ id, error }`, through `answerJobs` below.
 *
 * The thread keeps the process alive only while jobs are under way (a stopping process finishes them). A thread
 * that dies fails the jobs it held and is started again for the next one.
 *
 * `transfer`: buffers handed to the thread rather than copied (the caller must not touch them again).
 */
export type JobThread<J, R> = (job: J, transfer?: ArrayBuffer[]) => Promise<R>

type Pending<R> = { resolve: (result: R) => void; reject: (error: Error) => void }

/** The loop every job thread's source ends with: `job` is the source's own `(job) => result` function. */
export const answerJobs = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, job }) => {
  let answer
  try {
    answer = { id, result: run(job) }
  } catch (error) {
    answer = { id, error: { message: String((error && error.message) || error), code: error && error.code } }
  }
  parentPort.postMessage(answer)
})
`

// A job thread's own heap: it holds one job at a time (a page file, a batch of cheers), so it needs little, while
// V8 would let its isolate grow to the site's flags (16 MB semi-spaces, 256 MB old space). The limits are a ceiling
// only: they did not lower the ~80 MB that compressing a scale-10 sweep on the thread kept resident (its native
// allocations, it seems), which is why the page store compresses on the event loop.
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 }

export function jobThread<J, R>(name: string, source: string, workerData?: unknown): JobThread<J, R> {
  let state: { worker: Worker; pending: Map<number, Pending<R>>; next: number } | null = null

  const start = () => {
    const worker = new Worker(`${source}\n${answerJobs}`, { eval: true, name, workerData, resourceLimits: HEAP_LIMITS })
    const s = { worker, pending: new Map<number, Pending<R>>(), next: 0 }
    worker.on('message', ({ id, result, error }: { id: number; result?: R; error?: { message: string; code?: string } }) => {
      const job = s.pending.get(id)
      s.pending.delete(id)
      if (!s.pending.size) worker.unref()
      if (!job) return
      if (error) job.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}))
      else job.resolve(result as R)
    })
    const fail = (error: Error) => {
      if (state === s) state = null
      for (const job of s.pending.values()) job.reject(error)
      s.pending.clear()
    }
    worker.on('error', (error) => {
      console.error(`[${name}] スレッドが停止しました / worker thread failed`, error)
      fail(error)
    })
    worker.on('exit', (code) => fail(new Error(`${name}: worker thread exited (${code})`)))
    worker.unref()
    return (state = s)
  }

  return (job, transfer) => {
    const s = state ?? start()
    const id = s.next++
    return new Promise<R>((resolve, reject) => {
      s.pending.set(id, { resolve, reject })
      if (s.pending.size === 1) s.worker.ref()
      s.worker.postMessage({ id, job }, transfer)
    })
  }
}
