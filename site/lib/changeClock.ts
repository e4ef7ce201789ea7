import { ALL_TAGS, isCountTag } from '../../cms/lib/cacheProtocol'

/**
 * Whether something read while invalidations arrived may still be kept: a load of the data cache (site/lib/cache.ts),
 * a page render (site/lib/pageCache.ts). Every invalidated tag is stamped with a sequence number; a read notes the
 * number when it begins. Of the tags it read:
 * - a content tag stamped after it began: not kept (it may show what was just withdrawn);
 * - only count tags: kept, but stale (rendered again behind readers).
 * A change to a tag the render never read leaves it as good as one begun after it (the invalidation itself would
 * not have dropped the page either). An untracked render (tags unknown) and a full drop count as having read
 * everything.
 */
export type ChangeClock = { seq: number; stamps: Map<string, number>; everythingAt: number }
// Stamps are only compared with renders under way; past this many they are forgotten, which counts as a change
// of everything for the renders begun before.
const MAX_STAMPS = 10_000

export const newChangeClock = (): ChangeClock => ({ seq: 0, stamps: new Map(), everythingAt: 0 })

export function stampChange(clock: ChangeClock, tags: readonly string[]): void {
  if (tags.includes(ALL_TAGS) || clock.stamps.size + tags.length > MAX_STAMPS) {
    clock.stamps.clear()
    clock.everythingAt = ++clock.seq
    return
  }
  const seq = ++clock.seq
  for (const tag of tags) clock.stamps.set(tag, seq)
}

/** What changed, among the tags a render read, since it began at sequence number `since`. */
export function changedSince(clock: ChangeClock, since: number, tags: Iterable<string> | null): { content: boolean; count: boolean } {
  if (since < clock.everythingAt || (!tags && since < clock.seq)) return { content: true, count: true }
  let [content, count] = [false, false]
  for (const tag of tags ?? [])
    if ((clock.stamps.get(tag) ?? 0) > since) {
      if (isCountTag(tag)) count = true
      else content = true
    }
  return { content, count }
}
