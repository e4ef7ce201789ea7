// Date helpers for the demo seed. Fiscal-year data uses fixed Japan-time dates; everything that must stay
// "recent" or "upcoming" is placed relative to the seed's `now`.

export const DAY = 24 * 60 * 60 * 1000
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000

/** A fixed instant given in Japan time: jst('2025-11-03', '10:00') → 2025-11-03T01:00:00.000Z. */
export const jst = (date: string, time = '10:00'): string => new Date(`${date}T${time}:00+09:00`).toISOString()

/** The Japan-time calendar day `days` after (negative: before) `now`, at `time` Japan time. */
export const dayFromNow = (now: Date, days: number, time = '10:00'): string => {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS + days * DAY)
  return jst(tokyo.toISOString().slice(0, 10), time)
}

/** `days` before `now` at the same time of day (for createdAt-like stamps). */
export const daysAgo = (now: Date, days: number): string => new Date(now.getTime() - days * DAY).toISOString()
