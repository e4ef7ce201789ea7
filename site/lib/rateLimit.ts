import { ActionError } from 'astro:actions'

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

/**
 * Fixed-window limiter shared by every site process: one atomic counter per form, client and ten-minute
 * window in the database (cms/lib/sharedCounters.ts), keyed by the client's keyed hash only. Throws a Japanese
 * 429 when the client is over the limit for this form.
 */
export async function checkRateLimit(rule: RuleName, client: string, now = Date.now()): Promise<void> {
  const { windowMs } = RULES[rule]
  const limit = RULES[rule].limit * SCALE
  const window = Math.floor(now / windowMs)
  const endsAt = (window + 1) * windowMs
  const payload = await payloadClient()
  const count = await hitCounter(payload, `rl:${rule}:${client}:${window}`, new Date(endsAt))
  // Expired windows are deleted now and then by whichever process notices first; a failure only delays it.
  if (now - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now
    void pruneExpiredCounters(payload, new Date(now)).catch((error) => console.error('[rate limit] prune failed', error))
  }
  if (count > limit) {
    const retryAfter = Math.ceil((endsAt - now) / 1000)
    throw new ActionError({
      code: 'TOO_MANY_REQUESTS',
      message: `短い時間に送信が続いたため、受付を一時停止しています。約${Math.max(1, Math.ceil(retryAfter / 60))}分後にもう一度お試しください。`,
    })
  }
}
