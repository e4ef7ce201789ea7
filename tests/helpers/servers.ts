import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, waitForUrl } from '../../scripts/lib/net.mjs'

export type RunningPortal = {
  siteUrl: string
  cmsUrl: string
  /** One URL per site process (`siteUrls[0] === siteUrl`); several with `sites > 1` (SITE_PORTS). */
  siteUrls: string[]
  dataDir: string
  stop: () => Promise<void>
}

export type PortalOptions = {
  /** How many site processes `npm start` runs (SITE_PORTS); 1 by default (SITE_PORT). */
  sites?: number
  /** The servers' stdout and stderr go to this file instead of the test's own output (e.g. to read the request logs). */
  logFile?: string
}

/** Starts the production build (`npm start`) on free ports and a fresh embedded database, seeded. */
export async function startPortal(extraEnv: Record<string, string> = {}, options: PortalOptions = {}): Promise<RunningPortal> {
  for (const built of ['cms/.next/BUILD_ID', 'dist/server/entry.mjs']) {
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run npm run build first`)
  }
  const sitePorts: number[] = []
  for (let i = 0; i < (options.sites ?? 1); i++) sitePorts.push(await freePort())
  const [sitePort, cmsPort] = [sitePorts[0], await freePort()]
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-e2e-'))
  const output = options.logFile ? fs.openSync(options.logFile, 'a') : 'inherit'
  const child = spawn(process.execPath, ['scripts/serve.mjs', 'start'], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789',
      ESUKO_DATA_DIR: dataDir,
      ESUKO_SEED_DEMO: '1',
      SEED_ADMIN_PASSWORD: 'e2e-demo-password',
      SITE_PORT: String(sitePort),
      SITE_PORTS: sitePorts.length > 1 ? sitePorts.join(',') : '',
      CMS_PORT: String(cmsPort),
      HOST: '127.0.0.1',
      DATABASE_URI: '',
      ...extraEnv,
    },
  })
  if (typeof output === 'number') fs.closeSync(output)
  const siteUrls = sitePorts.map((port) => `http://127.0.0.1:${port}`)
  const siteUrl = siteUrls[0]
  const cmsUrl = `http://127.0.0.1:${cmsPort}`
  const stop = async () => {
    if (child.exitCode === null) {
      // The serve script forwards the signal to both servers.
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    for (const url of siteUrls) await waitForUrl(`${url}/`, { timeoutMs: 90_000, child })
    await waitForUrl(`${cmsUrl}/api/users/me`, { timeoutMs: 90_000, child })
  } catch (error) {
    await stop()
    throw error
  }
  return { siteUrl, cmsUrl, siteUrls, dataDir, stop }
}
