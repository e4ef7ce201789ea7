import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { jobThread } from '../../cms/lib/jobThread'
import { ALL_TAGS, DATA_CACHE_TTL_MS, isCountTag } from '../../cms/lib/cacheProtocol'
import { dataDir } from '../../cms/runtime/paths'

/**
 * The page cache's second tier: the long tail of detail pages (stories, citizens, plans, organisations), kept on disk
 * once compressed, so a crawler or an old story shared on LINE is answered without a render and without holding
 * 10,000 pages in memory. Every site process of one machine shares the folder; each decides on its own, from the
 * invalidations it received, whether a stored page may still be served:
 * - a page rendered before this process started is never trusted (an edit made while it was down would be unseen);
 * - a content tag changed since the render (a withdrawal, an edit, consent taken back): not served, rendered again.
 *   For a page another process rendered, "since" reaches back a data-cache lifetime further: that process may have
 *   heard of the change later (or never) and rendered from data it read up to DATA_CACHE_TTL_MS before;
 * - only a count tag changed (a cheer), or the page is older than MAX_AGE_MS: served, and rendered again behind it.
 * Pages are written by renders (site/lib/pageCache.ts) and by the pre-renderer (site/lib/prerender.ts).
 */

/** The URLs kept on disk: detail pages, whose content depends on their document and tags, not on the clock. */
export const STORED_SECTIONS = ['stories', 'citizens', 'plans', 'organisations'] as const
const STORED_ROUTE = new RegExp(`^/(${STORED_SECTIONS.join('|')})/[^/?#]+$`)
export const isStoredRoute = (key: string): boolean => STORED_ROUTE.test(key)

/** Past this age a stored page is served once more while it is rendered again (a safety net, as the memory TTL). */
export const MAX_AGE_MS = 6 * 3_600_000
/**
 * Past this age it is not served at all: its forms carry the render's fill-time token (`_t`), which the site accepts
 * for 24 hours (site/lib/formGuard.ts); a reader must get one far inside that.
 */
export const MAX_SERVE_AGE_MS = 12 * 3_600_000

export const storeDir = (): string => path.resolve(process.env.ESUKO_PAGE_STORE_DIR ?? path.join(dataDir(), 'page-store'))

export type StoredMeta = {
  key: string
  /** The process that rendered it (TagClock.self). */
  writer: string
  etag: string
  headers: [string, string][]
  tags: string[]
  /** When the render began (ms): anything it read was current then. */
  renderedAt: number
  /** When the clock alone changes what it shows (a notice's window: site/lib/cache.ts `changesAt`); absent if never. */
  changesAt?: number
  size: number
  brLength: number
  gzipLength: number
}
export type StoredPage = StoredMeta & { br: Buffer; gzip: Buffer }

// ---- what this process has heard of changes ---------------------------------------------------------------------

/** What one process knows: who it is, when it started, when everything last changed, when each tag last changed. */
export type TagClock = { self: string; startedAt: number; allAt: number; changedAt: Map<string, number> }
const MAX_CLOCK_TAGS = 100_000

export const newTagClock = (now = Date.now()): TagClock => ({
  self: `${process.pid}.${randomBytes(6).toString('hex')}`,
  startedAt: now,
  allAt: 0,
  changedAt: new Map(),
})

export function recordChange(clock: TagClock, tags: string[], now = Date.now()): void {
  if (tags.includes(ALL_TAGS) || clock.changedAt.size + tags.length > MAX_CLOCK_TAGS) {
    // Forgetting which tags changed counts as a change of everything.
    clock.changedAt.clear()
    clock.allAt = now
    return
  }
  for (const tag of tags) clock.changedAt.set(tag, now)
}

export type StoredState = 'fresh' | 'stale' | 'unusable'

/** May this stored page be served, and is it due for a render behind it? */
export function storedState(
  meta: Pick<StoredMeta, 'renderedAt' | 'tags' | 'writer' | 'changesAt'>,
  clock: TagClock,
  now = Date.now(),
): StoredState {
  // Changes in the same millisecond as the render's start count as after it.
  const lag = meta.writer === clock.self ? 0 : DATA_CACHE_TTL_MS
  if (meta.renderedAt < clock.startedAt + lag || meta.renderedAt <= clock.allAt + lag) return 'unusable'
  if (now - meta.renderedAt > MAX_SERVE_AGE_MS) return 'unusable'
  let stale = now - meta.renderedAt > MAX_AGE_MS || (meta.changesAt !== undefined && now >= meta.changesAt)
  for (const tag of meta.tags) {
    const at = clock.changedAt.get(tag)
    if (at === undefined || at + lag < meta.renderedAt) continue
    if (!isCountTag(tag)) return 'unusable'
    stale = true
  }
  return stale ? 'stale' : 'fresh'
}

// ---- the files ---------------------------------------------------------------------------------------------------

// ESP1 | meta length (uint32 BE) | meta JSON | brotli body | gzip body
const MAGIC = Buffer.from('ESP1')
const hashOf = (key: string) => createHash('sha1').update(key).digest('hex')
export const fileOf = (key: string, dir = storeDir()): string => {
  const hash = hashOf(key)
  return path.join(dir, hash.slice(0, 2), `${hash}.page`)
}

/**
 * Brotli at quality 5 with a window fitted to the page (pages are 10–60 KB): the default 4 MB window made every
 * compression allocate megabytes of native memory, which the allocator kept and the site's RSS showed.
 */
export const brotliOptions = (size: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
    [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(size + 1)))),
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
})
// Pages are written by one worker thread (cms/lib/jobThread.ts), in the order asked: a write is a few syscalls, but
// on the event loop each waited for the disk whenever it was busy (a storm's cheers flushed the database's log 20
// times a second), and in a scale-10 storm profile those waits were the loop's longest stalls (2–10 ms). One thread
// keeps the writes and removals of one URL in order, which the thread pool's promise calls would not. Compression
// (~1 ms a page) stays here: compressing in the thread too kept ~80 MB more resident after a scale-10 sweep.
type StoreJob = { op: 'write'; file: string; tmp: string; data: Uint8Array } | { op: 'remove'; file: string }
const storeWriter = jobThread<StoreJob, null>(
  'page-store-writer',
  `
const fs = require('node:fs')
const path = require('node:path')
function run(job) {
  if (job.op === 'remove') {
    fs.rmSync(job.file, { force: true })
    return null
  }
  fs.mkdirSync(path.dirname(job.file), { recursive: true })
  try {
    fs.writeFileSync(job.tmp, job.data)
    fs.renameSync(job.tmp, job.file)
  } catch (error) {
    fs.rmSync(job.tmp, { force: true })
    throw error
  }
  return null
}
`,
)

/**
 * Writes a rendered page (atomically: readers see the old file or the new one, never half of one) on the writer
 * thread: `written` settles once it is on disk. Compressed here, at once: both encodings are returned for the reader
 * and the memory, which thereby never compress a page a second time.
 */
export function writeStoredPage(page: {
  key: string
  writer: string
  body: Buffer
  etag: string
  headers: [string, string][]
  tags: string[]
  renderedAt: number
  changesAt?: number
}): { br: Buffer; gzip: Buffer; written: Promise<void> } {
  const br = zlib.brotliCompressSync(page.body, brotliOptions(page.body.length))
  const gzip = zlib.gzipSync(page.body, { level: 6 })
  const meta: StoredMeta = {
    key: page.key,
    writer: page.writer,
    etag: page.etag,
    headers: page.headers,
    tags: page.tags,
    renderedAt: page.renderedAt,
    ...(Number.isFinite(page.changesAt) ? { changesAt: page.changesAt } : {}),
    size: page.body.length,
    brLength: br.length,
    gzipLength: gzip.length,
  }
  const json = Buffer.from(JSON.stringify(meta))
  // The file's bytes in a buffer of their own, handed to the thread (never one of Node's shared pool slabs).
  const data = new Uint8Array(8 + json.length + br.length + gzip.length)
  data.set(MAGIC, 0)
  new DataView(data.buffer).setUint32(4, json.length)
  data.set(json, 8)
  data.set(br, 8 + json.length)
  data.set(gzip, 8 + json.length + br.length)
  const file = fileOf(page.key)
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const written = storeWriter({ op: 'write', file, tmp, data }, [data.buffer]).then(() => undefined)
  return { br, gzip, written }
}

/** The stored page of a URL, or null (none, or unreadable: a broken file is only a miss). */
// Read synchronously: a stored page is a few KB, nearly always in the OS's page cache, and read in ~20 µs, where the
// promise API's four thread-pool hops (open, stat, read, close) cost ~140 µs of the event loop's time a page and queued
// the long tail's requests behind the pool's four threads.
export function readStoredPage(key: string): StoredPage | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(fileOf(key))
  } catch {
    return null
  }
  return parseStoredPage(buf, key)
}

/**
 * Only what describes a stored page (its head), or null: the pre-renderer asks this of every page of the sitemap on
 * each sweep, and needs no body to decide that a page is still usable.
 */
export function readStoredMeta(key: string): StoredMeta | null {
  let fd: number
  try {
    fd = fs.openSync(fileOf(key), 'r')
  } catch {
    return null
  }
  try {
    const head = Buffer.alloc(META_PROBE_BYTES)
    const got = fs.readSync(fd, head, 0, head.length, 0)
    if (got < 8 || !head.subarray(0, 4).equals(MAGIC)) return null
    const length = head.readUInt32BE(4)
    let json = head.subarray(8, Math.min(got, 8 + length))
    if (json.length < length) {
      json = Buffer.alloc(length)
      if (fs.readSync(fd, json, 0, length, 8) !== length) return null
    }
    const meta = JSON.parse(json.toString('utf8')) as StoredMeta
    return meta.key === key && fs.fstatSync(fd).size === 8 + length + meta.brLength + meta.gzipLength ? meta : null
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}
const META_PROBE_BYTES = 4096

export function parseStoredPage(buf: Buffer, key: string): StoredPage | null {
  try {
    if (buf.length < 8 || !buf.subarray(0, 4).equals(MAGIC)) return null
    const length = buf.readUInt32BE(4)
    const meta = JSON.parse(buf.subarray(8, 8 + length).toString('utf8')) as StoredMeta
    // Two keys with one hash, or a file cut short: not this page.
    if (meta.key !== key || buf.length !== 8 + length + meta.brLength + meta.gzipLength) return null
    const start = 8 + length
    return { ...meta, br: buf.subarray(start, start + meta.brLength), gzip: buf.subarray(start + meta.brLength) }
  } catch {
    return null
  }
}

/** Removes a URL's stored page (a page that is gone: the next reader must get the render's answer). */
export function removeStoredPage(key: string): Promise<void> {
  return storeWriter({ op: 'remove', file: fileOf(key) }).then(() => undefined)
}
