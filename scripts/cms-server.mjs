// Production entry of the admin (Payload on Next.js, cms/): `next start`, with the same front as the site's
// entry (scripts/site-server.mjs) — forwarded headers believed only from TRUSTED_PROXIES, one JSON log line per
// request carrying the proxy's X-Request-Id. Runs from the project root (scripts/serve.mjs).
import http from 'node:http'
import path from 'node:path'

import next from 'next'

import { DEFAULT_TRUSTED_PROXIES, publicHosts, resolveForwarded, trustedProxies } from './forwarded.mjs'
import { logRequestOnClose } from './lib/requestLog.mjs'

let isTrusted, hosts
try {
  isTrusted = trustedProxies(process.env.TRUSTED_PROXIES?.trim() || DEFAULT_TRUSTED_PROXIES)
  hosts = publicHosts(process.env.CMS_PUBLIC_URL, 'CMS_PUBLIC_URL')
} catch (error) {
  console.error(`起動できません: ${error.message}`)
  process.exit(1)
}

const port = Number(process.env.PORT ?? process.env.CMS_PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const app = next({ dev: false, dir: path.resolve(process.cwd(), 'cms'), hostname: host, port })
await app.prepare()
const handle = app.getRequestHandler()

const server = http.createServer((req, res) => {
  const context = resolveForwarded(req, isTrusted, hosts)
  res.setHeader('X-Request-Id', context.requestId)
  logRequestOnClose({ role: 'admin', port }, req, res, context)
  handle(req, res)
})

// Next starts Payload, and with it the jobs queue (mail, KPI recounts the site processes hand over, the nightly
// jobs), only for the first request that needs it: one to the API right away, so the queue runs before any staff
// member opens the admin.
const startPayload = async () => {
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  try {
    const res = await fetch(`http://${local.includes(':') ? `[${local}]` : local}:${port}/api/users/me`)
    await res.arrayBuffer()
  } catch (error) {
    console.error(`[admin] Payload did not start at once (jobs wait for the first request): ${error.message}`)
  }
}
server.listen(port, host, () => {
  console.log(`[admin] listening on http://${host}:${port} (pid ${process.pid})`)
  void startPayload()
})

// A second signal (serve.mjs passes on the one its process group got too) must not kill the process half-way through.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3_000).unref()
  })
}
