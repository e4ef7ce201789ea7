/** What cms/lib/sharedCounters.ts needs of a database: each method one atomic operation of that database. */
export type CounterStore = {
  /** Adds one (creates at 1, expiring at `expiresAt`, when missing); the new count. */
  hit: (key: string, expiresAt: Date) => Promise<number>
  exists: (key: string) => Promise<boolean>
  /** Creates the counter at `count` unless it exists (then leaves it as it is). */
  create: (key: string, count: number) => Promise<void>
  /** Adds `by` only when the result stays at or below `max`; the new count, or null when refused. */
  claim: (key: string, by: number, max: number) => Promise<number | null>
  /** Adds `by` (may be negative, never below zero) to a counter that exists; a missing one stays missing. */
  adjust: (key: string, by: number) => Promise<void>
  read: (key: string) => Promise<number | null>
  /** Deletes counters whose `expiresAt` is before `now`; how many went. */
  prune: (now: Date) => Promise<number>
}
