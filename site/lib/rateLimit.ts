import { ActionError } from 'astro:actions'

type Rule = { limit: number; windowMs: number }

// Per-client limits for each public form. In-memory: one site process serves the portal.
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

const hits = new Map<string, number[]>()
let sweeps = 0

/** Sliding-window limiter; throws a Japanese 429 when the client is over the limit for this form. */
export function checkRateLimit(rule: RuleName, client: string, now = Date.now()): void {
  const { windowMs } = RULES[rule]
  const limit = RULES[rule].limit * SCALE
  const key = `${rule}:${client}`
  const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs)
  if (recent.length >= limit) {
    const retryAfter = Math.ceil((recent[0] + windowMs - now) / 1000)
    throw new ActionError({
      code: 'TOO_MANY_REQUESTS',
      message: `短い時間に送信が続いたため、受付を一時停止しています。約${Math.max(1, Math.ceil(retryAfter / 60))}分後にもう一度お試しください。`,
    })
  }
  recent.push(now)
  hits.set(key, recent)
  // Forget idle clients now and then so the map cannot grow without bound.
  if (++sweeps % 1000 === 0) for (const [k, v] of hits) if (!v.some((t) => now - t < windowMs)) hits.delete(k)
}

/** Test hook: start from a clean slate. */
export const resetRateLimits = (): void => hits.clear()
