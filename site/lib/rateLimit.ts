import { ActionError } from 'astro:actions'
import type { Payload } from 'payload'

import { hitCounter, pruneExpiredCounters } from '../../cms/lib/sharedCounters'
import { payloadClient } from './payload'

type Rule = { limit: number; windowMs: number }

// Per-client limits for each public form, counted in the database so that every site process shares them.
export const RULES = {
  plan: { limit: 5, windowMs: 10 * 60_000 },
  support: { limit: 10, windowMs: 10 * 60_000 },
  register: { limit: 10, windowMs: 10 * 60_000 },
  nominate: { limit: 5, windowMs: 10 * 60_000 },
  survey: { limit: 5, windowMs: 10 * 60_000 },
  deletion: { limit: 3, windowMs: 10 * 60_000 },
  cheer: { limit: 60, windowMs: 10 * 60_000 },
} satisfies Record<string, Rule>

export type RuleName = keyof typeof RULES

/**
 * ESUKO_RATE_LIMIT_SCALE (default 1) multiplies every limit: for load and robustness tests that send many
 * submissions from one address (127.0.0.1). Never set it in production.
 */
const scaleFromEnv = (): number => {
  const value = Number(process.env.ESUKO_RATE_LIMIT_SCALE ?? 1)
  return Number.isFinite(value) && value >= 1 ? value : 1
}
const SCALE = scaleFromEnv()

/** Every window is ten minutes: a refused client may try again after at most this long. */
export const RETRY_AFTER_SECONDS = 600

let lastPrune = 0
const PRUNE_EVERY_MS = 60_000

/** The client's counter for this form now: its key, the most it may reach, and when the window ends. */
export function rateWindow(rule: RuleName, client: string, now = Date.now()): { key: string; max: number; expiresAt: Date } {
  const { windowMs } = RULES[rule]
  const window = Math.floor(now / windowMs)
  return { key: `rl:${rule}:${client}:${window}`, max: RULES[rule].limit * SCALE, expiresAt: new Date((window + 1) * windowMs) }
}

/** The Japanese 429 for a client over its limit until `endsAt`. */
export function tooManyRequests(endsAt: Date, now = Date.now()): ActionError {
  const retryAfter = Math.ceil((endsAt.getTime() - now) / 1000)
  return new ActionError({
    code: 'TOO_MANY_REQUESTS',
    message: `短い時間に送信が続いたため、受付を一時停止しています。約${Math.max(1, Math.ceil(retryAfter / 60))}分後にもう一度お試しください。`,
  })
}

/** Expired windows are deleted now and then by whichever process notices first; a failure only delays it. */
export function pruneRateWindows(payload: Payload, now = Date.now()): void {
  if (now - lastPrune <= PRUNE_EVERY_MS) return
  lastPrune = now
  void pruneExpiredCounters(payload, new Date(now)).catch((error) => console.error('[rate limit] prune failed', error))
}

/**
 * Fixed-window limiter shared by every site process: one atomic counter per form, client and ten-minute
 * window in the database (cms/lib/sharedCounters.ts), keyed by the client's keyed hash only. Throws a Japanese
 * 429 when the client is over the limit for this form. (Cheers count in the same window within their own commit:
 * cms/lib/cheerIntake.ts.)
 */
export async function checkRateLimit(rule: RuleName, client: string, now = Date.now()): Promise<void> {
  const { key, max, expiresAt } = rateWindow(rule, client, now)
  const payload = await payloadClient()
  const count = await hitCounter(payload, key, expiresAt)
  pruneRateWindows(payload, now)
  if (count > max) throw tooManyRequests(expiresAt, now)
}
