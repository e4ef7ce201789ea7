import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadStaticFiles, serveStaticFile } from '../../scripts/lib/staticFiles.mjs'

// The build's static files answered from memory in front of Astro (scripts/lib/staticFiles.mjs), through a real HTTP
// server: what it answers must be what Astro's own static handler answered, and anything else must reach Astro.
let dir: string
let server: http.Server
let base: string
const css = `.card{color:#333}\n`.repeat(200)
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-static-'))
  fs.mkdirSync(path.join(dir, '_astro'))
  fs.writeFileSync(path.join(dir, '_astro', 'global.AbC123.css'), css)
  fs.writeFileSync(path.join(dir, 'og-default.png'), png)
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  fs.writeFileSync(path.join(dir, '雲南.txt'), 'えすこ')
  fs.writeFileSync(path.join(dir, '.secret'), 'never')
  fs.writeFileSync(path.join(dir, 'unknown.bin'), 'left to Astro')
  const files = loadStaticFiles(dir)
  server = http.createServer((req, res) => {
    if (serveStaticFile(files, req, res, ['X-Request-Id', 'req-1'])) return
    res.writeHead(299, { 'content-type': 'text/plain' })
    res.end('astro')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(dir, { recursive: true, force: true })
})

const get = (p: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    // node:http, not fetch: fetch would decompress, and the raw encoding is what is checked.
    const req = http.request(`${base}${p}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })

describe('the static files', () => {
  it.each([
    ['/_astro/global.AbC123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/og-default.png', 'image/png', 'public, max-age=0, must-revalidate'],
    ['/favicon.svg', 'image/svg+xml', 'public, max-age=0, must-revalidate'],
    [`/${encodeURIComponent('雲南')}.txt`, 'text/plain; charset=utf-8', 'public, max-age=0, must-revalidate'],
  ])('answers %s with its type, its caching and the request id', async (p, type, cacheControl) => {
    const res = await get(p)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['cache-control']).toBe(cacheControl)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-request-id']).toBe('req-1')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
  })

  it('sends the very bytes of the file, brotli or gzip when the browser takes them, and answers 304 to its ETag', async () => {
    const plain = await get('/_astro/global.AbC123.css')
    expect(plain.body.toString()).toBe(css)
    const br = await get('/_astro/global.AbC123.css', { 'accept-encoding': 'gzip, deflate, br' })
    expect([br.headers['content-encoding'], br.headers.vary]).toEqual(['br', 'Accept-Encoding'])
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(css)
    const gz = await get('/_astro/global.AbC123.css', { 'accept-encoding': 'gzip' })
    expect(zlib.gunzipSync(gz.body).toString()).toBe(css)
    expect((await get('/og-default.png')).body.equals(png)).toBe(true)
    const again = await get('/_astro/global.AbC123.css', { 'if-none-match': plain.headers.etag! })
    expect([again.status, again.body.length]).toEqual([304, 0])
    const head = await get('/og-default.png', {}, 'HEAD')
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(png.length), 0])
  })

  it.each([
    ['a page', '/stories/some-story', 'GET'],
    ['a form posted to a file’s path', '/favicon.svg', 'POST'],
    ['a hidden file', '/.secret', 'GET'],
    ['a file of no known type', '/unknown.bin', 'GET'],
    ['a path out of the folder', '/../package.json', 'GET'],
    ['a folder', '/_astro', 'GET'],
    ['a broken escape', '/%E0%A4%A.css', 'GET'],
  ])('leaves %s to Astro', async (_, p, method) => {
    const res = await get(p, {}, method)
    expect([res.status, res.body.toString()]).toEqual([299, 'astro'])
  })

  it('answers the same file with or without a query', async () => {
    expect((await get('/favicon.svg?v=2')).status).toBe(200)
  })
})
