// Production entry of the public site (`npm start`, tests, bench): Astro's standalone handler, with the page
// cache's fast path in front. Cache hits are answered from memory before Astro builds a Request (see
// serveFromCache in site/lib/pageCache.ts, which registers itself once the app has loaded); everything else —
// misses, forms, static files — goes to Astro's own handler, unchanged.
// Paths from process.cwd(): this runs from the project root, next to dist/.
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const { handler, options } = await import(pathToFileURL(path.resolve(process.cwd(), 'dist/server/entry.mjs')).href)

const FAST_PATH = Symbol.for('esuko.site.fastPath')
const server = http.createServer((req, res) => {
  const fast = globalThis[FAST_PATH]
  if (fast && fast(req, res)) return
  handler(req, res)
})

const port = Number(process.env.PORT ?? options.port ?? 4321)
const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : 'localhost')
server.listen(port, host, () => console.log(`[site] listening on http://${host}:${port}`))

// Finish the requests under way, then exit (serve.mjs and the tests stop us with SIGTERM).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3_000).unref()
  })
}
