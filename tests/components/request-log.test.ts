import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { logRequestOnClose } from '../../scripts/lib/requestLog.mjs'

// The request log line (scripts/lib/requestLog.mjs) is built by hand for speed: it must still be one JSON object a
// log reader parses, with every key, whatever a client put in the path.
let server: http.Server
let base: string
const lines: string[] = []
const context = { requestId: 'req-1', clientAddress: '203.0.113.7' }

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout)
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk)
    if (text.startsWith('{"time"')) {
      lines.push(...text.split('\n').filter(Boolean))
      return true
    }
    return write(chunk, ...(rest as []))
  })
  server = http.createServer((req, res) => {
    logRequestOnClose({ role: 'site', port: 4321 }, req, res, { ...context, requestId: String(req.headers['x-id']) })
    // /hang never answers: the client gives up, and the line says so.
    if (req.url?.startsWith('/hang')) return
    res.writeHead(req.url?.startsWith('/missing') ? 404 : 200)
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  vi.restoreAllMocks()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const lineFor = async (id: string) => {
  for (let i = 0; i < 100; i++) {
    const found = lines.find((l) => l.includes(`"id":"${id}"`))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no log line for ${id}`)
}

describe('one JSON line per request', () => {
  it.each([
    ['plain', '/stories/kakeya', 'GET', '/stories/kakeya', 200],
    ['query left out', '/stories?page=2&q=%22x%22', 'GET', '/stories', 200],
    ['quotes and backslashes', '/a%22b/"c\\d', 'GET', '/a%22b/"c\\d', 200],
    ['percent-encoded Japanese', '/stories/%E9%9B%B2%E5%8D%97', 'POST', '/stories/%E9%9B%B2%E5%8D%97', 200],
    ['not found', '/missing', 'GET', '/missing', 404],
  ])('%s', async (id, url, method, path, status) => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${base}`, { method, path: url, headers: { 'x-id': id } }, resolve)
      req.on('error', reject)
      req.end()
    })
    res.resume()
    const line = await lineFor(id)
    const parsed = JSON.parse(line)
    expect(Object.keys(parsed)).toEqual(['time', 'role', 'port', 'pid', 'id', 'method', 'path', 'status', 'ms', 'client'])
    expect(parsed).toMatchObject({ role: 'site', port: 4321, pid: process.pid, id, method, path, status, client: '203.0.113.7' })
    expect(new Date(parsed.time).getTime()).toBeGreaterThan(Date.now() - 10_000)
    expect(parsed.ms).toBeGreaterThanOrEqual(0)
    expect(line).toBe(JSON.stringify(parsed))
  })

  it('marks a response the client gave up on', async () => {
    const req = http.request(`${base}/hang`, { headers: { 'x-id': 'gave-up' } })
    req.on('error', () => {})
    req.end()
    await new Promise((resolve) => setTimeout(resolve, 100))
    req.destroy()
    const parsed = JSON.parse(await lineFor('gave-up'))
    expect(parsed).toMatchObject({ path: '/hang', aborted: true })
  })
})
