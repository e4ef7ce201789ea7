// "Nothing lost": every acknowledged submission (303) is stored, also when the site process is SIGKILLed and
// restarted in the middle of the load. A smaller run of `npm run load:submissions` (scripts/load-submissions.mjs),
// on its own admin and site processes (fresh database, ESUKO_RATE_LIMIT_SCALE raised only there).
import { afterAll, beforeAll, expect, it } from 'vitest'

import { runLoad, startServers } from '../../scripts/load-submissions.mjs'

type Servers = { siteUrl: string; cmsUrl: string; killAndRestartSite: (downMs?: number) => Promise<void>; stop: () => Promise<void> }
type Result = {
  acknowledged: number
  stored: number
  byCollection: Record<string, { acknowledged: number; stored: number }>
  reqPerSec: number
}

let servers: Servers
beforeAll(async () => {
  servers = await startServers()
}, 150_000)
afterAll(() => servers?.stop())

it('stores every acknowledged submission, with one SIGKILL and restart of the site halfway', async () => {
  const steady: Result = await runLoad({
    siteUrl: servers.siteUrl,
    cmsUrl: servers.cmsUrl,
    total: 150,
    concurrency: 25,
    midway: undefined,
    log: () => {},
  })
  expect(steady.acknowledged).toBe(150)
  expect(steady.stored).toBe(steady.acknowledged)

  const killed: Result = await runLoad({
    siteUrl: servers.siteUrl,
    cmsUrl: servers.cmsUrl,
    total: 150,
    concurrency: 25,
    addressOffset: 10_000,
    midway: () => servers.killAndRestartSite(200),
    log: (line: string) => console.log('[nothing-lost]', line),
  })
  expect(killed.acknowledged).toBeGreaterThan(0)
  for (const [collection, v] of Object.entries(killed.byCollection)) {
    // Acknowledged ⇒ stored; a write whose answer died with the process may be stored unacknowledged.
    expect(v.stored, collection).toBeGreaterThanOrEqual(v.acknowledged)
  }
}, 150_000)
