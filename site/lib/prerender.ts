import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { PRERENDER_HEADER, SITE_ADDRESS } from '../../cms/lib/cacheProtocol'
import { fileOf, MAX_AGE_MS, readStoredMeta, STORED_SECTIONS, storedState, type TagClock } from './pageStore'
import { listSitemapFiles, sitemapEntries, type SitemapSection } from './sitemap'

/**
 * Pages rendered before anyone asks (the page store, site/lib/pageStore.ts): after the process starts, every public
 * detail page of the sitemap is rendered into the store; after a content change, the pages it made unusable are
 * rendered again (one sweep a minute at most); and every three hours, before stored pages grow stale. (A stored page
 * that only shows an old count is rendered again behind its reader by the page cache, as any stale page.) One render
 * at a time, through this process's own HTTP server, so a render here is the very render a reader would get. Site
 * processes sharing the store skip a page another has just rendered or is rendering.
 */

const TOKEN = randomBytes(24).toString('base64url')
/** A request this process sent itself to fill the store (never kept in the memory cache, never counted as a read). */
export const isPrerender = (request: Request): boolean => request.headers.get(PRERENDER_HEADER) === TOKEN

const SWEEP_AFTER_CHANGE_MS = 60_000
const START_DELAY_MS = Number(process.env.ESUKO_PRERENDER_DELAY_MS ?? 2_000)
// Another process rendering the same page holds its lock for at most this long.
const LOCK_MS = 60_000
const SECTIONS: readonly SitemapSection[] = STORED_SECTIONS

export const prerenderEnabled = (): boolean =>
  import.meta.env.PROD && process.env.ESUKO_SITE_CACHE !== '0' && process.env.ESUKO_PRERENDER !== '0'

type Status = {
  sweeps: number
  sweeping: boolean
  lastSweepMs: number | null
  rendered: number
  skipped: number
  failed: number
}
const status: Status = { sweeps: 0, sweeping: false, lastSweepMs: null, rendered: 0, skipped: 0, failed: 0 }
/**
 * For GET /_internal/page-store (the bench waits for the first sweep; operators see progress). `nextSweepInMs`: when
 * the next sweep starts (soon after a change; else the three-hourly one), null while none is set.
 */
export const prerenderStatus = (): Status & { nextSweepInMs: number | null; memory: NodeJS.MemoryUsage } => ({
  ...status,
  nextSweepInMs: sweepAgain ? SWEEP_AFTER_CHANGE_MS : sweepDue === Infinity ? null : Math.max(0, sweepDue - Date.now()),
  memory: process.memoryUsage(),
})

let clock: TagClock | null = null

const address = () => (globalThis as Record<symbol, unknown>)[SITE_ADDRESS] as { host: string; port: number } | undefined

async function renderIntoStore(key: string): Promise<void> {
  const stored = readStoredMeta(key)
  if (stored && clock && storedState(stored, clock) === 'fresh') {
    status.skipped++
    return
  }
  const site = address()
  if (!site) return
  const lock = `${fileOf(key)}.lock`
  if (!claimLock(lock)) {
    status.skipped++
    return
  }
  try {
    const ok = await new Promise<boolean>((resolve) => {
      const request = http.request(
        { host: site.host, port: site.port, path: key, method: 'GET', headers: { [PRERENDER_HEADER]: TOKEN }, timeout: 30_000 },
        (res) => {
          res.resume()
          res.once('end', () => resolve(res.statusCode === 200))
          res.once('error', () => resolve(false))
        },
      )
      request.once('error', () => resolve(false))
      request.once('timeout', () => request.destroy())
      request.end()
    })
    if (ok) status.rendered++
    else status.failed++
  } finally {
    fs.rmSync(lock, { force: true })
  }
}

/**
 * Takes the page's lock file, or finds another process holding it (a lock older than LOCK_MS is abandoned).
 * Synchronous, as the page's write (site/lib/pageStore.ts): a few µs each, against a thread-pool hop apiece.
 */
export function claimLock(lock: string, again = true): boolean {
  try {
    fs.mkdirSync(path.dirname(lock), { recursive: true })
    fs.closeSync(fs.openSync(lock, 'wx'))
    return true
  } catch {
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(lock)
    } catch {
      // Released meanwhile: try once more.
    }
    if (stat && Date.now() - stat.mtimeMs < LOCK_MS) return false
    if (!again) return false
    try {
      fs.rmSync(lock, { force: true })
    } catch {
      return false
    }
    return claimLock(lock, false)
  }
}

let sweepTimer: NodeJS.Timeout | null = null
let sweepAgain = false

/** Every public detail page of the sitemap, rendered into the store unless it is already there and usable. */
async function sweep(): Promise<void> {
  if (status.sweeping) {
    sweepAgain = true
    return
  }
  // The server is not listening yet: try again in a moment.
  if (!address()) return scheduleSweep(1_000)
  status.sweeping = true
  const started = Date.now()
  try {
    for (const file of await listSitemapFiles()) {
      if (!SECTIONS.includes(file.section)) continue
      for (const entry of (await sitemapEntries(file.section, file.page)) ?? []) {
        await renderIntoStore(entry.path)
      }
    }
  } catch (error) {
    console.error('[site] 事前描画に失敗しました / prerender sweep failed', error)
  } finally {
    status.sweeping = false
    status.sweeps++
    status.lastSweepMs = Date.now() - started
    // Again after a change made during this one; else before the stored pages grow stale (MAX_AGE_MS).
    scheduleSweep(sweepAgain ? SWEEP_AFTER_CHANGE_MS : MAX_AGE_MS / 2)
    sweepAgain = false
  }
}

let sweepDue = Infinity
/** A sweep in `delay` ms, unless one is due sooner already. */
function scheduleSweep(delay: number): void {
  const due = Date.now() + delay
  if (sweepTimer && sweepDue <= due) return
  if (sweepTimer) clearTimeout(sweepTimer)
  sweepDue = due
  sweepTimer = setTimeout(() => {
    sweepTimer = null
    sweepDue = Infinity
    void sweep()
  }, delay)
  sweepTimer.unref()
}

/** Called once by the page cache with this process's tag clock; the first sweep starts shortly after. */
export function startPrerender(processClock: TagClock): void {
  clock = processClock
  if (prerenderEnabled()) scheduleSweep(START_DELAY_MS)
}

/** Starts a sweep now (the bench, after measuring cold renders; POST /_internal/page-store, signed). */
export function sweepNow(): void {
  if (!prerenderEnabled()) return
  if (sweepTimer) clearTimeout(sweepTimer)
  sweepTimer = null
  sweepDue = Infinity
  void sweep()
}

/** A content change: the pages it made unusable are rendered again in the next sweep (at most one a minute). */
export function prerenderAfterChange(): void {
  if (!prerenderEnabled()) return
  if (status.sweeping) sweepAgain = true
  else scheduleSweep(SWEEP_AFTER_CHANGE_MS)
}
