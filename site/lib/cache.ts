/**
 * A small in-process TTL + tag cache for what the public pages read through the Local API.
 *
 * Entries carry tags (collection or global slugs, or finer tags such as `cheers:stories:12`). Payload's
 * afterChange/afterDelete hooks (cms/hooks/invalidateSite.ts) drop the tags an edit touches: in this process
 * directly, from the admin process through the signed POST /_internal/invalidate (site/middleware.ts). The TTL is
 * only a safety net. Only anonymous, access-controlled reads may be cached here (the finders pass no user).
 */

import { AsyncLocalStorage } from 'node:async_hooks'

import { ALL_TAGS, DATA_CACHE_TTL_MS, LOCAL_INVALIDATE } from '../../cms/lib/cacheProtocol'
import { changedSince, newChangeClock, stampChange } from './changeClock'

type Entry = { value: Promise<unknown>; expires: number; tags: string[] }

/**
 * What one page render read: the tags of every cached read (hit or miss), and whether it also read Payload
 * outside a cached finder (then nothing tells which edits change it, and any invalidation must drop it).
 * `changesAt`: the earliest moment the clock alone changes what it showed (a notice's display window opening or
 * closing), Infinity if none. The page cache (site/lib/pageCache.ts) keeps a page under these tags, until then.
 */
export type RenderReads = { tags: Set<string>; untracked: boolean; changesAt: number }
const renderScope = new AsyncLocalStorage<RenderReads>()
const insideLoad = new AsyncLocalStorage<true>()

/** Runs a page render, recording what it reads. */
export async function recordReads<T>(render: () => Promise<T>): Promise<{ result: T; reads: RenderReads }> {
  const reads: RenderReads = { tags: new Set(), untracked: false, changesAt: Infinity }
  const result = await renderScope.run(reads, render)
  return { result, reads }
}

/** Called by the site's door to Payload: a read outside any cached finder makes the current render untracked. */
export function noteDirectRead(): void {
  if (insideLoad.getStore()) return
  const reads = renderScope.getStore()
  if (reads) reads.untracked = true
}

/** Called where a render decides by the clock: what it shows changes at `at` (ms) with no edit to tell. */
export function noteClockChange(at: number): void {
  const reads = renderScope.getStore()
  if (reads && at < reads.changesAt) reads.changesAt = at
}

export const DEFAULT_TTL_MS = DATA_CACHE_TTL_MS
/**
 * For the index pages' reads whose cost grows with the data (a list with its page count, the headline counts: 10–60 ms
 * of synchronous SQLite each at scale 10) and which their tags keep right (any story's change drops the lists of
 * stories). Their TTL is only a net for a lost invalidation and for time (a featured period ending, a meeting held):
 * reloaded every 30 s, they held each site process's readers for 30–50 ms at a time, twice a minute (the bench's storm
 * at scale 10). Never for what a stored detail page reads (site/lib/pageStore.ts counts on DATA_CACHE_TTL_MS).
 */
export const LIST_TTL_MS = 5 * 60_000
// The long tail of detail pages comes from the page store now (site/lib/pageStore.ts), so the data cache only needs
// the shared reads and the pages readers ask for again; a smaller cache keeps the site process within its memory.
const MAX_ENTRIES = 2_000

const entries = new Map<string, Entry>()
const byTag = new Map<string, Set<string>>()
// A load that began before an invalidation of one of its tags must not be stored after it (site/lib/changeClock.ts;
// a single global counter would throw away every load under way whenever anything changed: in a cheer storm, the
// site could then cache nothing at all).
const changes = newChangeClock()
const listeners = new Set<(tags: string[]) => void>()

const disabled = () => process.env.ESUKO_SITE_CACHE === '0'

function drop(key: string): void {
  const entry = entries.get(key)
  if (!entry) return
  entries.delete(key)
  // An emptied tag goes too: most tags are one document's (a story page's slug, its photos), and the pre-renderer
  // reads every document once, so empty sets left behind grew the heap by a page's tags for every page of the site.
  for (const tag of entry.tags) untag(byTag, tag, key)
}

/** Removes a key from a tag's set, and the set once it is empty. */
export function untag(index: Map<string, Set<string>>, tag: string, key: string): void {
  const keys = index.get(tag)
  if (!keys) return
  keys.delete(key)
  if (!keys.size) index.delete(tag)
}

function dropTags(tags: string[]): void {
  stampChange(changes, tags)
  if (tags.includes(ALL_TAGS)) {
    entries.clear()
    byTag.clear()
  } else {
    for (const tag of tags) {
      for (const key of byTag.get(tag) ?? []) drop(key)
      byTag.delete(tag)
    }
  }
  for (const listener of listeners) listener(tags)
}

// A write's afterChange hook runs just before its transaction commits, so a read racing with it can still see
// the old row: the same tags are dropped once more a moment later (one timer for a burst of invalidations).
export const REPEAT_AFTER_MS = 400
let pending: Set<string> | null = null

/** Drops every entry carrying one of the tags (`*`: everything). */
export function invalidate(tags: string[]): void {
  if (!tags.length) return
  dropTags(tags)
  if (!pending) {
    pending = new Set()
    setTimeout(() => {
      const again = [...pending!]
      pending = null
      dropTags(again)
    }, REPEAT_AFTER_MS).unref?.()
  }
  for (const tag of tags) pending.add(tag)
}

/** Called with the tags of each invalidation (the page cache in the middleware listens). */
export function onInvalidate(listener: (tags: string[]) => void): void {
  listeners.add(listener)
}

/** The hooks in cms/ find the cache of this process here, so in-process writes skip the HTTP round trip. */
;(globalThis as Record<symbol, unknown>)[LOCAL_INVALIDATE] = invalidate

// A render's loads are synchronous SQLite calls in a chain of promises that never leaves the microtask queue, so a
// render held the event loop from its first read to its last (5-15 ms), and every reader of a cached page waited
// behind it: in a cheer storm, where pages are rendered again behind readers several times a second, that was the
// readers' p99. Before each load a render steps aside for one turn, and the requests that arrived meanwhile are
// answered from the memory first.
/** One turn of the event loop: what arrived meanwhile (requests, timers) runs before the caller goes on. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve))

export type RememberOptions<T> = {
  ttlMs?: number
  /** Tags the value itself names (the documents it shows, known once it is loaded): kept and recorded with the others. */
  tagsOf?: (value: T) => string[]
}

/** Returns the cached value for `key`, or runs `load` once (concurrent callers share the same promise). */
export function remember<T>(
  key: string,
  tags: string[],
  load: () => Promise<T>,
  { ttlMs = DEFAULT_TTL_MS, tagsOf }: RememberOptions<T> = {},
): Promise<T> {
  const reads = renderScope.getStore()
  if (reads) for (const tag of tags) reads.tags.add(tag)
  // A render also read what the value names, once that is known.
  const noted = (value: Promise<T>): Promise<T> =>
    reads && tagsOf
      ? value.then((v) => {
          for (const tag of tagsOf(v)) reads.tags.add(tag)
          return v
        })
      : value
  if (disabled()) return noted(insideLoad.run(true, load))
  const now = Date.now()
  const hit = entries.get(key)
  if (hit && hit.expires > now) {
    // Most recently used last, so the oldest entry is the first to go when the cache is full.
    entries.delete(key)
    entries.set(key, hit)
    return noted(hit.value as Promise<T>)
  }
  if (hit) drop(key)
  const startedAt = changes.seq
  const value = insideLoad.run(true, reads ? () => nextTurn().then(load) : load)
  const entry: Entry = { value, expires: now + ttlMs, tags }
  entries.set(key, entry)
  index(key, tags)
  if (entries.size > MAX_ENTRIES) drop(entries.keys().next().value!)
  value.then(
    (v) => {
      if (entries.get(key) !== entry) return
      const named = tagsOf ? tagsOf(v) : []
      // Invalidated while loading: keep serving the promise to those already waiting, but do not keep it.
      const changed = changedSince(changes, startedAt, [...tags, ...named])
      if (changed.content || changed.count) return drop(key)
      if (!named.length) return
      entry.tags = [...tags, ...named]
      index(key, named)
    },
    () => {
      if (entries.get(key) === entry) drop(key)
    },
  )
  return noted(value)
}

function index(key: string, tags: string[]): void {
  for (const tag of tags) {
    let keys = byTag.get(tag)
    if (!keys) byTag.set(tag, (keys = new Set()))
    keys.add(key)
  }
}

/**
 * Wraps a finder: same signature, results cached per argument list under the given tags (a function of the
 * arguments for finer tags; `tagsOf` adds those the result names). Arguments must be JSON-serialisable; Dates
 * serialise to their ISO string.
 */
export function cached<A extends unknown[], R>(
  name: string,
  tags: string[] | ((...args: A) => string[]),
  finder: (...args: A) => Promise<R>,
  options: RememberOptions<R> = {},
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const key = `${name}:${JSON.stringify(args)}`
    return remember(key, typeof tags === 'function' ? tags(...args) : tags, () => finder(...args), options)
  }
}

/** Test hook and statistics. */
export const cacheSize = (): number => entries.size
/** Tags indexed (statistics, and the test that the index shrinks with the cache). */
export const cacheTagCount = (): number => byTag.size
export const clearCache = (): void => dropTags([ALL_TAGS])
