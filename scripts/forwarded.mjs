// Which forwarded headers the public site may believe, and who the client is (used by scripts/site-server.mjs).
// Only a peer listed in TRUSTED_PROXIES (default: this machine's loopback, where the reverse proxy runs) may
// tell us the client's address, the scheme and the public host. Anyone else's X-Forwarded-* headers are removed
// before Astro sees the request, so a resident cannot pick their own address to escape a per-client limit.
import { randomUUID } from 'node:crypto'
import net from 'node:net'

export const DEFAULT_TRUSTED_PROXIES = '127.0.0.1,::1'

const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip']
// Forwarded headers no one here reads: even a trusted proxy's are removed, so no later code comes to rely on them.
const DROPPED_FROM_PROXY = ['x-forwarded-port', 'forwarded', 'x-real-ip']

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is the IPv4 address it wraps. */
export const plainAddress = (address) => {
  const value = String(address ?? '').trim()
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(value) ? value.slice(7) : value
}

/**
 * A matcher for TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated (`127.0.0.1,::1,10.0.0.0/8`).
 * Throws, in Japanese and English, on an entry that is neither: a typo must not silently trust nobody (or everybody).
 */
export function trustedProxies(setting = DEFAULT_TRUSTED_PROXIES) {
  const list = new net.BlockList()
  for (const raw of String(setting).split(',')) {
    const entry = raw.trim()
    if (!entry) continue
    const [address, bits, extra] = entry.split('/')
    const type = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null
    const prefix = bits === undefined ? null : Number(bits)
    const maxBits = type === 'ipv4' ? 32 : 128
    if (!type || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new Error(
        `TRUSTED_PROXIES の「${entry}」はIPアドレスでもCIDR範囲でもありません。 / TRUSTED_PROXIES: "${entry}" is not an address or CIDR range.`,
      )
    }
    if (prefix === null) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
  }
  // Remembered per address: every request asks about its peer, and BlockList.check builds a socket address each
  // time (with the rest of this check, a tenth of a page-cache hit). Peers are few (the proxies, the clients passing
  // by); the memory starts over past MEMO_MAX so a crawler's many addresses cannot grow it.
  const memo = new Map()
  return (address) => {
    const key = String(address ?? '')
    let trusted = memo.get(key)
    if (trusted === undefined) {
      const plain = plainAddress(key)
      const type = net.isIPv4(plain) ? 'ipv4' : net.isIPv6(plain) ? 'ipv6' : null
      trusted = type !== null && list.check(plain, type)
      if (memo.size >= MEMO_MAX) memo.clear()
      memo.set(key, trusted)
    }
    return trusted
  }
}
const MEMO_MAX = 4_096

/** The public origin's host (`esuko.example.jp`, `esuko.example.jp:8443`) from SITE_PUBLIC_URL (or the setting named). */
export function publicHosts(siteUrl = process.env.SITE_PUBLIC_URL, setting = 'SITE_PUBLIC_URL') {
  if (!siteUrl?.trim()) return []
  let url
  try {
    url = new URL(siteUrl.trim())
  } catch {
    throw new Error(`${setting}「${siteUrl}」はURLではありません（例: https://esuko.example.jp）。 / ${setting} is not a URL.`)
  }
  return [{ hostname: url.hostname, protocol: url.protocol.slice(0, -1), port: url.port || undefined, host: url.host }]
}

const first = (value) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Decides, for one request, who the client is and which forwarded headers stay. Mutates `req.headers`:
 * from an untrusted peer every forwarded header goes; from a trusted proxy X-Forwarded-For is replaced by the
 * one address it resolves to, and X-Forwarded-Host/-Proto stay only when they name the public origin.
 * Returns `{ clientAddress, requestId }`; the request id is the proxy's X-Request-Id or a new one.
 */
export function resolveForwarded(req, isTrusted, hosts = []) {
  const peer = plainAddress(req.socket?.remoteAddress)
  const headers = req.headers
  if (!isTrusted(peer)) {
    for (const name of FORWARDED_HEADERS) if (headers[name] !== undefined) delete headers[name]
    const requestId = randomUUID()
    headers['x-request-id'] = requestId
    return { clientAddress: peer, requestId }
  }
  // Right to left through the chain: the first address no trusted proxy vouches for is the client.
  let clientAddress = peer
  const forwardedFor = headers['x-forwarded-for']
  if (forwardedFor !== undefined) {
    const chain = [forwardedFor]
      .flat()
      .filter(Boolean)
      .join(',')
      .split(',')
      .map((a) => plainAddress(a))
      .filter((a) => net.isIP(a))
    for (let i = chain.length - 1; i >= 0 && isTrusted(clientAddress); i--) clientAddress = chain[i]
    if (clientAddress === peer) delete headers['x-forwarded-for']
    else headers['x-forwarded-for'] = clientAddress
  }

  const proto = first(headers['x-forwarded-proto'])?.toLowerCase()
  if (proto === 'http' || proto === 'https') headers['x-forwarded-proto'] = proto
  else if (headers['x-forwarded-proto'] !== undefined) delete headers['x-forwarded-proto']
  const host = first(headers['x-forwarded-host'])?.toLowerCase()
  if (host && hosts.some((h) => h.host === host)) headers['x-forwarded-host'] = host
  else if (headers['x-forwarded-host'] !== undefined) delete headers['x-forwarded-host']
  for (const name of DROPPED_FROM_PROXY) if (headers[name] !== undefined) delete headers[name]

  const given = first(headers['x-request-id'])
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID()
  headers['x-request-id'] = requestId
  return { clientAddress, requestId }
}
