import type { Payload } from 'payload'

export type Health = {
  status: 'ok' | 'unavailable'
  role: string
  port: number | null
  pid: number
  uptimeS: number
  db: 'ok' | 'unreachable'
  dbMs: number
  error?: string
}

const DB_TIMEOUT_MS = 2_000

/**
 * What GET /healthz answers on every process (the admin's Next route and the site's Astro endpoint), for the
 * reverse proxy's active health checks and for an operator: which process this is, and whether it can reach the
 * database. 503 when the database does not answer within 2 s, so the proxy stops sending residents there.
 */
export async function checkHealth(
  payload: () => Promise<Payload>,
  role: string,
  port: string | undefined,
): Promise<{ status: number; body: Health }> {
  const started = performance.now()
  let error: string | undefined
  try {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      (async () => {
        const p = await payload()
        // The cheapest read every adapter answers: one indexed count, no access rules, no hooks.
        await p.count({ collection: 'users', overrideAccess: true })
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the database within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS)
      }),
    ]).finally(() => clearTimeout(timer))
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const body: Health = {
    status: error ? 'unavailable' : 'ok',
    role,
    port: port && Number.isFinite(Number(port)) ? Number(port) : null,
    pid: process.pid,
    uptimeS: Math.round(process.uptime()),
    db: error ? 'unreachable' : 'ok',
    dbMs: Math.round(performance.now() - started),
    ...(error ? { error } : {}),
  }
  return { status: error ? 503 : 200, body }
}

export const healthResponse = ({ status, body }: { status: number; body: Health }): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
