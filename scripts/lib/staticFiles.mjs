// The site's static files (dist/client: the built stylesheets under /_astro/, the favicon, the default share image),
// held in memory and answered before Astro. They are a handful of small files fixed by the build, so they are read
// once at start and compressed once; every other request goes to Astro's handler without touching the disk. Astro's
// standalone server looked each request's path up on disk first (an lstat, then a stat), a cheer or a render
// included: in a scale-10 cheer storm 0.3 ms of the event loop per request, up to 8 ms when the disk was busy.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
}
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/
// Beyond this a file is not held in memory (none is near it: the largest is the 20 KB share image).
const MAX_FILE_BYTES = 8 * 1024 * 1024
// Astro names every file under /_astro/ by its content: a URL there never changes meaning.
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'public, max-age=0, must-revalidate'

/** Every file under `dir` by its URL path, ready to send; files of unknown type or too large are left to Astro. */
export function loadStaticFiles(dir) {
  const files = new Map()
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      // Hidden files (.DS_Store, .gitkeep) are never public.
      if (entry.name.startsWith('.')) continue
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) {
        const type = TYPES[path.extname(entry.name).toLowerCase()]
        if (!type || fs.statSync(full).size > MAX_FILE_BYTES) continue
        const urlPath = `/${path.relative(dir, full).split(path.sep).join('/')}`
        const body = fs.readFileSync(full)
        const compress = COMPRESSIBLE.test(type) && body.length >= 1024
        files.set(urlPath, {
          type,
          body,
          br: compress ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
          gzip: compress ? zlib.gzipSync(body, { level: 9 }) : null,
          etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
          cacheControl: urlPath.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE,
        })
      }
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return files
}

/**
 * Answers a GET or HEAD of one of `files` (true), or leaves the request alone (false). `extra`: headers every answer
 * carries (the request id).
 */
export function serveStaticFile(files, req, res, extra) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const url = req.url ?? ''
  const q = url.indexOf('?')
  let urlPath = q === -1 ? url : url.slice(0, q)
  if (urlPath.includes('%')) {
    try {
      urlPath = decodeURIComponent(urlPath)
    } catch {
      return false
    }
  }
  const file = files.get(urlPath)
  if (!file) return false
  const headers = ['Cache-Control', file.cacheControl, 'ETag', file.etag, 'X-Content-Type-Options', 'nosniff', ...extra]
  if (file.br) headers.push('Vary', 'Accept-Encoding')
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) {
    res.writeHead(304, headers)
    res.end()
    return true
  }
  const accept = req.headers['accept-encoding'] ?? ''
  const [body, encoding] =
    file.br && /\bbr\b/.test(accept) ? [file.br, 'br'] : file.gzip && /\bgzip\b/.test(accept) ? [file.gzip, 'gzip'] : [file.body, null]
  headers.push('Content-Type', file.type, 'Content-Length', String(body.length))
  if (encoding) headers.push('Content-Encoding', encoding)
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
  return true
}
