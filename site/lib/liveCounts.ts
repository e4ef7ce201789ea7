/**
 * Counts a kept page shows that the page cache (site/lib/pageCache.ts) writes in place when they change, instead of
 * rendering the page again: today a target's cheer count (cms/lib/cacheProtocol.ts, cheerCountTag). In a cheer storm
 * (the ふるまい市 moment) the cheered pages were rendered again every few seconds each, for one number; a render is
 * milliseconds of the event loop and megabytes of garbage, writing the number in is a count query and a replace.
 *
 * A page marks each such number with the tag that changes it: `<strong data-live-count="cheers:count:stories:12" …>5<`.
 */
import { CHEERS_TAG, cheerCountTag } from '../../cms/lib/cacheProtocol'
import { CHEER_TARGET_TYPES, type CheerTarget, countCheers } from './cheers'

const LIVE_COUNT_ATTRIBUTE = 'data-live-count'
const CHEER_COUNT = new RegExp(`^${CHEERS_TAG}:count:([a-z-]+):([^:"<>\\s]+)$`)
// The attribute, then the rest of the opening tag, then the number (digits, as the components print it).
const SLOT = new RegExp(`${LIVE_COUNT_ATTRIBUTE}="([^"]+)"([^>]*)>(\\d+)<`, 'g')

/** The tag of a target's cheer count, for its slot (site/components/CheerForm.astro: `data-live-count={tag}`). */
export { cheerCountTag }

/** Whether a change of this tag can be written into a page that shows it, rather than rendering the page. */
export const isLiveCountTag = (tag: string): boolean => CHEER_COUNT.test(tag)

/** Whether the page's HTML shows the count of this tag in a slot. */
export const showsLiveCount = (body: Buffer, tag: string): boolean => body.includes(`${LIVE_COUNT_ATTRIBUTE}="${tag}"`)

// An id as the database keeps it: SQLite's are integers; MongoDB's ObjectIds are 24 hex digits, kept as strings.
const idOf = (raw: string): number | string => (/^\d{1,15}$/.test(raw) ? Number(raw) : raw)

/** The count a live-count tag stands for, read now (access control on, as the page's own read); null: not one. */
export async function readLiveCount(tag: string): Promise<number | null> {
  const match = CHEER_COUNT.exec(tag)
  if (!match || !(CHEER_TARGET_TYPES as readonly string[]).includes(match[1])) return null
  return countCheers(match[1] as CheerTarget, idOf(match[2]))
}

/** The page with the given counts written into their slots; the same Buffer when no number moved. */
export function writeLiveCounts(body: Buffer, counts: ReadonlyMap<string, number>): Buffer {
  let moved = false
  const html = body.toString('utf8').replace(SLOT, (slot, tag: string, rest: string, shown: string) => {
    const count = counts.get(tag)
    if (count === undefined || String(count) === shown) return slot
    moved = true
    return `${LIVE_COUNT_ATTRIBUTE}="${tag}"${rest}>${count}<`
  })
  return moved ? Buffer.from(html, 'utf8') : body
}
