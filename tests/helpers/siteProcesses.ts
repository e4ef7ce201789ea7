// Several production site processes (scripts/site-server.mjs on the built dist/) on one database, as
// `SITE_PORTS=…` runs them: for tests of what those processes must share (limits, seats, cache invalidation).
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'

export type SiteProcesses = { urls: string[]; ports: number[]; stop: () => Promise<void> }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

/** Free loopback ports, reserved in advance so a test can name them all (SITE_PORTS) before anything starts. */
export const freePorts = async (count: number): Promise<number[]> => {
  const ports: number[] = []
  while (ports.length < count) {
    const port = await freePort()
    if (!ports.includes(port)) ports.push(port)
  }
  return ports
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the site process exited (${child.exitCode}) before ${url} answered`)
    try {
      const res = await fetch(url, { redirect: 'manual' })
      await res.body?.cancel()
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/**
 * Starts one site process per port on the database `env` names (DATABASE_URI, PAYLOAD_SECRET, ESUKO_DATA_DIR,
 * schema already in place). Every process is told the whole list (SITE_PORTS), as `npm start` would.
 */
export async function startSiteProcesses(ports: number[], env: Record<string, string>): Promise<SiteProcesses> {
  if (!fs.existsSync('dist/server/entry.mjs')) throw new Error('dist/server/entry.mjs is missing: run npm run build first')
  const children = ports.map((port) => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SITE_PORTS: ports.join(','),
      ...env,
    }
    // Every limit at its real value: these tests count refusals.
    delete childEnv.ESUKO_RATE_LIMIT_SCALE
    delete childEnv.ESUKO_SITE_CACHE
    return spawn(process.execPath, ['scripts/site-server.mjs'], {
      cwd: process.cwd(),
      env: childEnv,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  })
  const urls = ports.map((port) => `http://127.0.0.1:${port}`)
  const stop = async () => {
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null || child.signalCode !== null
          ? undefined
          : new Promise((resolve) => {
              child.once('exit', resolve)
              child.kill('SIGTERM')
            }),
      ),
    )
  }
  try {
    await Promise.all(urls.map((url, i) => waitFor(`${url}/`, children[i], 60_000)))
  } catch (error) {
    await stop()
    throw error
  }
  return { urls, ports, stop }
}

export type FormReply = { status: number; location?: string; text: string }

/**
 * One form POST as a browser without JavaScript sends it, from a chosen loopback source address (each address
 * in 127.0.0.0/8 is a different resident to the site's rate limits).
 */
export function postForm(
  baseUrl: string,
  pathname: string,
  fields: Record<string, string>,
  localAddress = '127.0.0.1',
): Promise<FormReply> {
  const url = new URL(pathname, baseUrl)
  const body = new URLSearchParams(fields).toString()
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, text }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`POST ${pathname} timed out`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** The signed `_t` token of a page's form; valid for a day, accepted 3 s after it was issued. */
export async function formToken(baseUrl: string, pathname = '/survey'): Promise<string> {
  const html = await (await fetch(new URL(pathname, baseUrl))).text()
  const token = /name="_t" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error(`no _t token on ${pathname}`)
  const wait = 3_100 - (Date.now() - Number(token.split('.')[0]))
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  return token
}

/**
 * Polls a page (plain GET, no cache of the client's own) until `check` holds for a 200; the milliseconds it took.
 * Throws once `limitMs` has passed without it: freshness after an edit is a requirement, not a measurement.
 */
export async function pageChangesWithin(limitMs: number, url: string, check: (html: string) => boolean): Promise<number> {
  const start = Date.now()
  for (;;) {
    const res = await fetch(url, { redirect: 'manual' })
    const html = await res.text()
    if (res.status === 200 && check(html)) return Date.now() - start
    if (Date.now() - start > limitMs) throw new Error(`${url} did not change within ${limitMs} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
