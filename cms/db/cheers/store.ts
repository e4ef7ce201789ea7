import type { CheerTargetType } from '../../lib/cheerTarget'
import type { CheerMessageStatus } from '../../domain/submissions'

/** A resident's cheer as the site accepted it, with the rate-limit window it counts in (cms/lib/cheerIntake.ts). */
export type CheerRow = {
  type: CheerTargetType
  id: number | string
  message?: string
  messageStatus: CheerMessageStatus
  /** Unique per client, target and day: a second cheer with the same key is a repeat. */
  dedupeKey: string
  /** The client's counter for this form and window (shared-counters): hit once, the cheer stored only within `max`. */
  limit: { key: string; max: number; expiresAt: Date }
}

export type CheerOutcome =
  | { result: 'stored'; doc: { id: number | string; createdAt: string } }
  | { result: 'duplicate' }
  | { result: 'limited' }
  | { result: 'error'; error: unknown }

/** What cms/lib/cheerIntake.ts needs of a database. */
export type CheerStore = {
  /**
   * Writes the cheers in one commit where the database allows (one fsync for a whole batch), each outcome in the
   * order given. Throws when the batch as a whole failed (nothing of it stored); the intake then tries each alone.
   */
  write: (rows: CheerRow[], now: Date) => Promise<CheerOutcome[]>
  /** The collection's afterChange hooks already ran (Local API); otherwise the intake runs their effects itself. */
  hooksRan: boolean
}
