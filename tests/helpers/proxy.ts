// The portal as a city runs it (deploy/Caddyfile, README "Deploying"): Caddy with HTTPS in front of the
// production build — the admin and N site processes (SITE_PORTS) — on free high ports, with a certificate from
// Caddy's own local CA (no trust store touched, no network). Reusable by any e2e suite that must go through
// the proxy: see startProxiedPortal.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit, type Response as UndiciResponse } from 'undici'

import { freePort } from '../../scripts/lib/net.mjs'
import { type RunningPortal, startPortal } from './servers'

export const SITE_HOST = 'esuko.test'
export const CMS_HOST = 'admin.esuko.test'

export type ProxiedPortal = {
  /** The public origins through Caddy: https://esuko.test:<port>, https://admin.esuko.test:<port>. */
  siteUrl: string
  cmsUrl: string
  /** The processes behind it, over plain HTTP on 127.0.0.1 (what Caddy's upstreams are). */
  direct: RunningPortal
  /** Caddy's local root certificate (PEM): what a client must trust to reach the public origins. */
  rootCa: string
  /** A fetch through the proxy that resolves the test names to 127.0.0.1, trusts rootCa and, with `from`, sends from that local address (127.0.0.2, …). */
  fetch: (url: string, init?: UndiciRequestInit & { from?: string }) => Promise<UndiciResponse>
  /** A Chromium context that reaches the test names (host rules are set at launch: see proxyBrowserArgs). */
  newContext: (browser: Browser, options?: BrowserContextOptions) => Promise<BrowserContext>
  /** pid of each site process, in SITE_PORTS order, from its /healthz. */
  sitePids: () => Promise<number[]>
  /** The servers' request log so far (one JSON object per request, scripts/site-server.mjs and cms-server.mjs). */
  requestLog: () => RequestLogLine[]
  /**
   * The log lines `select` picks, once there are at least `count` of them (or after 5 s, whatever there is): a
   * process writes its line when the response is finished, which the client may see a moment before.
   */
  waitForLog: (select: (line: RequestLogLine) => boolean, count?: number) => Promise<RequestLogLine[]>
  /** What scripts/serve.mjs said of its processes (JSON lines with role "serve": exits, restarts). */
  serveLog: () => Record<string, unknown>[]
  /** Caddy's own access log for the site (JSON lines). */
  caddyLog: () => Record<string, unknown>[]
  stop: () => Promise<void>
}

export type RequestLogLine = {
  time: string
  role: 'site' | 'admin'
  port: number
  pid: number
  id: string
  method: string
  path: string
  status: number
  ms: number
  client: string
  aborted?: true
}

/** Chromium flags: the test names go to 127.0.0.1, Caddy's local certificate is accepted. */
export const proxyBrowserArgs = [
  '--host-resolver-rules=MAP esuko.test 127.0.0.1, MAP admin.esuko.test 127.0.0.1',
  '--ignore-certificate-errors',
]

const caddyBin = () => {
  try {
    return execFileSync('sh', ['-c', 'command -v caddy'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('caddy not found: apt-get install -y caddy (.ci/run installs it)')
  }
}

const agents = new Map<string, Agent>()
function agentFor(ca: string, from?: string): Agent {
  const key = from ?? ''
  if (!agents.has(key)) {
    agents.set(
      key,
      new Agent({
        // The source address goes on the agent: undici ignores a localAddress among the connect options.
        localAddress: from,
        connect: {
          ca,
          // The test names live only here (no /etc/hosts entry): everything resolves to the loopback.
          lookup: (_host, options, callback) => {
            if ((options as { all?: boolean }).all)
              (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
            else callback(null, '127.0.0.1', 4)
          },
        },
      }),
    )
  }
  return agents.get(key)!
}

async function waitForProxy(url: string, caddy: ChildProcess, get: (url: string) => Promise<UndiciResponse>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited (${caddy.exitCode}) before ${url} answered`)
    try {
      const res = await get(url)
      await res.arrayBuffer()
      if (res.status < 500) return
      last = `status ${res.status}`
    } catch (error) {
      last = String((error as Error).cause ?? error)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer through the proxy within ${timeoutMs} ms (${last})`)
}

/**
 * Starts `npm start` with `sites` site processes (SITE_PORTS), SITE_PUBLIC_URL / CMS_PUBLIC_URL set to the
 * public origins, and Caddy running deploy/Caddyfile in front (local_certs, skip_install_trust, admin off, free
 * ports, storage and logs in a temporary directory). `env` adds to the servers' environment.
 */
export async function startProxiedPortal({
  sites = 2,
  env = {},
}: { sites?: number; env?: Record<string, string> } = {}): Promise<ProxiedPortal> {
  const bin = caddyBin()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-proxy-'))
  const [httpsPort, httpPort] = [await freePort(), await freePort()]
  const siteUrl = `https://${SITE_HOST}:${httpsPort}`
  const cmsUrl = `https://${CMS_HOST}:${httpsPort}`
  const logFile = path.join(dir, 'servers.log')

  const direct = await startPortal({ SITE_PUBLIC_URL: siteUrl, CMS_PUBLIC_URL: cmsUrl, ...env }, { sites, logFile })
  let caddy: ChildProcess | undefined
  const stop = async () => {
    if (caddy && caddy.exitCode === null) {
      caddy.kill('SIGTERM')
      await new Promise((r) => caddy!.once('exit', r))
    }
    await direct.stop()
    for (const agent of agents.values()) await agent.close()
    agents.clear()
    // The last run's logs stay for whoever reads a failure: tests/.tmp/proxy-last (servers, Caddy, access logs).
    const keep = path.resolve('tests/.tmp/proxy-last')
    fs.rmSync(keep, { recursive: true, force: true })
    fs.mkdirSync(keep, { recursive: true })
    for (const name of fs.readdirSync(dir)) if (/\.(log|out)$/.test(name)) fs.copyFileSync(path.join(dir, name), path.join(keep, name))
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    const globalOptions = path.join(dir, 'global.caddy')
    fs.writeFileSync(
      globalOptions,
      [
        'local_certs',
        'skip_install_trust',
        'admin off',
        `http_port ${httpPort}`,
        `https_port ${httpsPort}`,
        `storage file_system ${path.join(dir, 'caddy-data')}`,
        '',
      ].join('\n'),
    )
    const upstream = (url: string) => new URL(url).host
    const out = fs.openSync(path.join(dir, 'caddy.out'), 'a')
    const proc = spawn(bin, ['run', '--config', path.resolve('deploy/Caddyfile'), '--adapter', 'caddyfile'], {
      cwd: dir,
      stdio: ['ignore', out, out],
      env: {
        NODE_ENV: 'production',
        PATH: process.env.PATH,
        HOME: dir,
        XDG_DATA_HOME: path.join(dir, 'xdg-data'),
        XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
        ESUKO_CADDY_GLOBAL: globalOptions,
        ESUKO_ACME_EMAIL: 'test@esuko.test',
        ESUKO_SITE_HOST: SITE_HOST,
        ESUKO_CMS_HOST: CMS_HOST,
        ESUKO_SITE_UPSTREAMS: direct.siteUrls.map(upstream).join(' '),
        ESUKO_CMS_UPSTREAM: upstream(direct.cmsUrl),
        ESUKO_CADDY_LOG_DIR: dir,
      },
    })
    fs.closeSync(out)
    caddy = proc
    // The local CA is created on Caddy's first start; the site certificate is issued from it right after.
    const rootPath = path.join(dir, 'caddy-data', 'pki', 'authorities', 'local', 'root.crt')
    const deadline = Date.now() + 30_000
    while (!fs.existsSync(rootPath)) {
      if (proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`caddy did not start: ${fs.readFileSync(path.join(dir, 'caddy.out'), 'utf8').slice(-2000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    const rootCa = fs.readFileSync(rootPath, 'utf8')
    const fetchThrough = (url: string, init: UndiciRequestInit & { from?: string } = {}) => {
      const { from, ...rest } = init
      return undiciFetch(url, { redirect: 'manual', ...rest, dispatcher: agentFor(rootCa, from) })
    }
    await waitForProxy(`${siteUrl}/`, proc, fetchThrough, 60_000)
    await waitForProxy(`${cmsUrl}/api/users/me`, proc, fetchThrough, 60_000)

    const readLines = (file: string) =>
      fs.existsSync(file)
        ? fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .flatMap((l) => {
              try {
                return [JSON.parse(l) as Record<string, unknown>]
              } catch {
                return []
              }
            })
        : []
    const requestLog = () => readLines(logFile).filter((l) => l.role === 'site' || l.role === 'admin') as RequestLogLine[]
    return {
      siteUrl,
      cmsUrl,
      direct,
      rootCa,
      fetch: fetchThrough,
      newContext: (browser, options = {}) => browser.newContext({ ignoreHTTPSErrors: true, ...options }),
      sitePids: async () =>
        Promise.all(
          direct.siteUrls.map(async (url) => {
            const res = await fetch(`${url}/healthz`)
            return ((await res.json()) as { pid: number }).pid
          }),
        ),
      requestLog,
      waitForLog: async (select, count = 1) => {
        const deadline = Date.now() + 5_000
        for (;;) {
          const lines = requestLog().filter(select)
          if (lines.length >= count || Date.now() > deadline) return lines
          await new Promise((r) => setTimeout(r, 50))
        }
      },
      serveLog: () => readLines(logFile).filter((l) => l.role === 'serve'),
      caddyLog: () => readLines(path.join(dir, 'esuko-site.log')),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
