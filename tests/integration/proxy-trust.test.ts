// Forwarded headers and the client address (scripts/forwarded.mjs), and the health check every process answers
// (cms/lib/health.ts) against a real database that stops answering.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkHealth } from '../../cms/lib/health'
import { publicHosts, resolveForwarded, trustedProxies } from '../../scripts/forwarded.mjs'
import { bootPayload, shutdownPayload } from '../helpers/payload'

type Req = { socket: { remoteAddress: string }; headers: Record<string, string | string[] | undefined> }
const request = (peer: string, headers: Record<string, string> = {}): Req => ({ socket: { remoteAddress: peer }, headers: { ...headers } })

describe('trustedProxies', () => {
  it.each([
    ['127.0.0.1,::1', '127.0.0.1', true],
    ['127.0.0.1,::1', '::ffff:127.0.0.1', true],
    ['127.0.0.1,::1', '::1', true],
    ['127.0.0.1,::1', '127.0.0.2', false],
    ['127.0.0.1,::1', '10.0.0.5', false],
    ['10.0.0.0/8, 192.168.1.10', '10.200.3.4', true],
    ['10.0.0.0/8, 192.168.1.10', '192.168.1.11', false],
    ['fd00::/8', 'fd12::1', true],
    ['', '127.0.0.1', false],
  ])('%s trusts %s: %s', (setting, address, expected) => {
    expect(trustedProxies(setting)(address)).toBe(expected)
  })

  it('gives the same answers while its memory of addresses fills up and starts over', () => {
    const isTrusted = trustedProxies('10.0.0.0/8')
    // More distinct addresses than the memory keeps, asked twice: every answer follows the setting, not the memory.
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 10_000; n++) {
        const inside = n % 2 === 0
        const address = `${inside ? 10 : 11}.${(n >> 16) & 0xff}.${(n >> 8) & 0xff}.${n & 0xff}`
        if (isTrusted(address) !== inside) throw new Error(`${address}: expected ${inside}`)
      }
    }
    expect([isTrusted('10.1.2.3'), isTrusted('::ffff:10.1.2.3'), isTrusted('11.1.2.3'), isTrusted(undefined)]).toEqual([
      true,
      true,
      false,
      false,
    ])
  })

  it.each(['localhost', '10.0.0.0/33', '1.2.3.4/8/1', 'fd00::/129'])('refuses %s with a Japanese message', (setting) => {
    expect(() => trustedProxies(setting)).toThrow(/TRUSTED_PROXIES の「.+」はIPアドレスでもCIDR範囲でもありません/)
  })
})

describe('resolveForwarded', () => {
  const trusted = trustedProxies('127.0.0.1,::1,10.0.0.0/8')
  const hosts = publicHosts('https://esuko.example.jp')

  it.each([
    // [peer, X-Forwarded-For, expected client, X-Forwarded-For Astro then sees]
    ['127.0.0.1', '203.0.113.7', '203.0.113.7', '203.0.113.7'],
    ['127.0.0.1', '198.51.100.1, 203.0.113.7', '203.0.113.7', '203.0.113.7'],
    ['127.0.0.1', '198.51.100.1, 203.0.113.7, 10.1.2.3', '203.0.113.7', '203.0.113.7'],
    ['127.0.0.1', '10.9.9.9', '10.9.9.9', '10.9.9.9'],
    ['127.0.0.1', 'not-an-address', '127.0.0.1', undefined],
    ['127.0.0.1', '', '127.0.0.1', undefined],
    ['203.0.113.9', '198.51.100.1', '203.0.113.9', undefined],
    ['127.0.0.2', '127.0.0.1', '127.0.0.2', undefined],
  ])('peer %s with X-Forwarded-For "%s" is client %s', (peer, xff, client, forwarded) => {
    const req = request(peer, xff ? { 'x-forwarded-for': xff } : {})
    expect(resolveForwarded(req, trusted, hosts).clientAddress).toBe(client)
    expect(req.headers['x-forwarded-for']).toBe(forwarded)
  })

  it('drops every forwarded header and the request id from an untrusted peer', () => {
    const req = request('203.0.113.9', {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'esuko.example.jp',
      'x-forwarded-port': '443',
      forwarded: 'for=1.2.3.4',
      'x-real-ip': '1.2.3.4',
      'x-request-id': 'chosen-by-client',
    })
    const { requestId } = resolveForwarded(req, trusted, hosts)
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(req.headers).toEqual({ 'x-request-id': requestId })
  })

  it.each([
    [{ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'esuko.example.jp' }, 'https', 'esuko.example.jp'],
    [{ 'x-forwarded-proto': 'HTTPS, http', 'x-forwarded-host': 'ESUKO.example.jp' }, 'https', 'esuko.example.jp'],
    [{ 'x-forwarded-proto': 'gopher', 'x-forwarded-host': 'evil.example' }, undefined, undefined],
  ])('keeps only a scheme and the public host from the proxy: %o', (headers, proto, host) => {
    const req = request('127.0.0.1', headers)
    resolveForwarded(req, trusted, hosts)
    expect(req.headers['x-forwarded-proto']).toBe(proto)
    expect(req.headers['x-forwarded-host']).toBe(host)
  })

  it.each([
    ['0f8fe0a2-7c1e-4bb5-a6f1-3f1c5b1b2a10', true],
    ['abc{http.request.uuid}', false],
    ['x'.repeat(200), false],
  ])('carries the proxy request id %s: %s', (id, kept) => {
    const { requestId } = resolveForwarded(request('127.0.0.1', { 'x-request-id': id }), trusted, hosts)
    expect(requestId === id).toBe(kept)
  })

  it('refuses a SITE_PUBLIC_URL that is not a URL, in Japanese', () => {
    expect(() => publicHosts('esuko.example.jp')).toThrow(/SITE_PUBLIC_URL「esuko.example.jp」はURLではありません/)
    expect(publicHosts('')).toEqual([])
    expect(publicHosts('https://esuko.test:8443')).toEqual([
      { hostname: 'esuko.test', protocol: 'https', port: '8443', host: 'esuko.test:8443' },
    ])
  })
})

describe('checkHealth', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await bootPayload()
  })
  afterAll(() => shutdownPayload(payload))

  it('answers 200 with role, port and pid while the database answers, 503 once it does not', async () => {
    const ok = await checkHealth(async () => payload, 'site', '4322')
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ status: 'ok', role: 'site', port: 4322, pid: process.pid, db: 'ok' })

    // The real connection closed under the running instance: what the proxy's check sees when the database is gone.
    await payload.db.destroy?.()
    const down = await checkHealth(async () => payload, 'site', '4322')
    expect(down.status).toBe(503)
    expect(down.body).toMatchObject({ status: 'unavailable', db: 'unreachable', role: 'site', port: 4322 })
    expect(down.body.error).toBeTruthy()
  })
})
