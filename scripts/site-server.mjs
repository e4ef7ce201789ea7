// Production entry of the public site (`npm start`, tests, bench): Astro's handler (the adapter's middleware mode:
// the app alone), with the page cache's fast path and the static files in front. Cache hits are answered from
// memory before Astro builds a Request (see serveFromCache in site/lib/pageCache.ts, which registers itself once
// the app has loaded), the build's static files from memory too (scripts/lib/staticFiles.mjs); everything else —
// misses, forms — goes to Astro's handler, unchanged.
// In front of both: the forwarded headers a reverse proxy sets are believed only from TRUSTED_PROXIES
// (scripts/forwarded.mjs), and every request is logged as one JSON line with its request id.
// Paths from process.cwd(): this runs from the project root, next to dist/.
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import http from 'node:http'
import inspector from 'node:inspector'
import v8 from 'node:v8'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { FAST_PATH, SITE_ADDRESS } from '../cms/lib/cacheProtocol.ts'
import { DEFAULT_TRUSTED_PROXIES, publicHosts, resolveForwarded, trustedProxies } from './forwarded.mjs'
import { logRequestOnClose } from './lib/requestLog.mjs'
import { loadStaticFiles, serveStaticFile } from './lib/staticFiles.mjs'

let isTrusted, hosts
try {
  isTrusted = trustedProxies(process.env.TRUSTED_PROXIES?.trim() || DEFAULT_TRUSTED_PROXIES)
  hosts = publicHosts()
} catch (error) {
  console.error(`起動できません: ${error.message}`)
  process.exit(1)
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const serverDir = path.resolve(process.cwd(), 'dist/server')
const { handler, options } = await import(pathToFileURL(path.join(serverDir, 'entry.mjs')).href)
const staticFiles = loadStaticFiles(path.resolve(process.cwd(), 'dist/client'))

// Astro believes X-Forwarded-Proto/-Host (and so accepts a form posted to https://<public host>) only for the hosts
// in `security.allowedDomains`, which astro.config fixes at build time. The public origin is a run-time setting
// here, so the list is filled in now, on the manifest object the app reads on every request.
const manifest = await findManifest(serverDir)
if (!manifest) {
  console.error(
    '起動できません: dist/server にAstroのマニフェストが見つかりません。npm run build をやり直してください。 / Astro manifest not found in dist/server.',
  )
  process.exit(1)
}
manifest.allowedDomains = hosts.map(({ hostname, protocol, port }) => ({ hostname, protocol, ...(port ? { port } : {}) }))

// The manifest object the app was built with: exported (under a bundler-chosen name) by one of the chunks
// entry.mjs imports, all already loaded, so importing them again returns the very same objects.
async function findManifest(dir) {
  const entry = fs.readFileSync(path.join(dir, 'entry.mjs'), 'utf8')
  const chunks = new Set([...entry.matchAll(/from\s+["'](\.\/chunks\/[^"']+\.mjs)["']/g)].map((m) => m[1]))
  for (const chunk of chunks) {
    const mod = await import(pathToFileURL(path.join(dir, chunk)).href)
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && Array.isArray(value.allowedDomains) && 'routes' in value && 'checkOrigin' in value)
        return value
    }
  }
  return null
}

// The request's resolved client and id, for site/lib/clientAddress.ts (the bundle finds it by this symbol).
const requestContext = new AsyncLocalStorage()
globalThis[Symbol.for('esuko.site.request')] = requestContext

const port = Number(process.env.PORT ?? options.port ?? 4321)
const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : 'localhost')
const logTo = { role: 'site', port }

const server = http.createServer((req, res) => {
  const context = resolveForwarded(req, isTrusted, hosts)
  logRequestOnClose(logTo, req, res, context)
  const fast = globalThis[FAST_PATH]
  // true: answered from memory or the page store (site/lib/pageCache.ts), with the request id among its headers;
  // false: Astro's. The fast path gets the id to write with its own header list rather than by setHeader: one header
  // set that way sends Node's writeHead down its slow path (every header removed, validated and added again), a
  // tenth of a cache hit's time.
  let answered = false
  try {
    answered = fast ? fast(req, res, ['x-request-id', context.requestId]) : false
  } catch (error) {
    console.error('[site] fast path failed', error)
  }
  if (answered || res.headersSent) return
  if (serveStaticFile(staticFiles, req, res, ['X-Request-Id', context.requestId])) return
  res.setHeader('X-Request-Id', context.requestId)
  requestContext.run(context, () => handler(req, res))
})

server.listen(port, host, () => {
  // The pre-renderer (site/lib/prerender.ts) renders pages through this very server.
  const { address, port: bound } = server.address()
  globalThis[SITE_ADDRESS] = { host: address, port: bound }
  console.log(`[site] listening on http://${host}:${port} (pid ${process.pid})`)
})

// ESUKO_CPU_PROFILE_DIR (the bench's --profile): a V8 CPU profile of this process, written as it stops. Node's own
// --cpu-prof does not reach this process through serve.mjs reliably.
const profileDir = process.env.ESUKO_CPU_PROFILE_DIR
const profiler = profileDir ? new inspector.Session() : null
if (profiler) {
  profiler.connect()
  profiler.post('Profiler.enable', () => profiler.post('Profiler.start'))
}
const writeProfile = () =>
  new Promise((resolve) => {
    if (!profiler) return resolve()
    profiler.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(path.join(profileDir, `site.${process.pid}.cpuprofile`), JSON.stringify(result.profile))
      resolve()
    })
  })

// Finish the requests under way, then exit (serve.mjs and the tests stop us with SIGTERM). A second signal (serve.mjs
// passes on the one its process group got too) must not kill the process half-way through.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    await writeProfile()
    // ESUKO_HEAP_SNAPSHOT_DIR (a diagnosis of the bench's memory, never in production): what the heap holds as it stops.
    if (process.env.ESUKO_HEAP_SNAPSHOT_DIR)
      v8.writeHeapSnapshot(path.join(process.env.ESUKO_HEAP_SNAPSHOT_DIR, `site.${process.pid}.heapsnapshot`))
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3_000).unref()
  })
}
