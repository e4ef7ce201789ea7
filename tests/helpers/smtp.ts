import net from 'node:net'

import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server inside the test (the `smtp-server` package from the nodemailer authors) on a free loopback
 * port: it speaks the protocol, checks the login from SMTP_URL, and keeps every message it accepted, decoded
 * (subject, plain text and HTML parts) by the small MIME reader below.
 */

export type ReceivedMail = {
  envelopeFrom: string
  to: string[]
  headers: Record<string, string>
  subject: string
  text: string
  html: string
  raw: string
}

export type SmtpCatcher = {
  port: number
  /** SMTP_URL for this server, with its user and password. */
  url: string
  messages: ReceivedMail[]
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>
  stop: () => Promise<void>
}

const USER = 'esuko-test'
const PASS = 'p@ss word'

/** A port nothing listens on right now (the OS hands out a free one; we close it at once). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export const smtpUrlFor = (port: number) => `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`

export async function startSmtp(port?: number): Promise<SmtpCatcher> {
  const messages: ReceivedMail[] = []
  const waiters: { match: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const mail = {
          ...parseMessage(raw),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        }
        messages.push(mail)
        for (const waiter of [...waiters]) {
          if (waiter.match(mail)) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(mail)
          }
        }
        callback()
      })
    },
  })
  const listenPort = port ?? (await freePort())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listenPort, '127.0.0.1', () => resolve())
  })
  return {
    port: listenPort,
    url: smtpUrlFor(listenPort),
    messages,
    waitFor: (match, timeoutMs = 10_000) => {
      const found = messages.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching mail within ${timeoutMs} ms (received ${messages.length})`)),
          timeoutMs,
        )
        waiters.push({ match, resolve: (mail) => (clearTimeout(timer), resolve(mail)) })
      })
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

// ---------------------------------------------------------------------------------------------------
// A minimal MIME reader: headers (RFC 2047 encoded words), multipart bodies, base64 and quoted-printable.

function decodeWords(value: string): string {
  // Adjacent encoded words are one run of bytes (a character may be split between them).
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)(\s+(?==\?))?/g, '$1').replace(/(?:=\?([^?]+)\?([BbQq])\?([^?]*)\?=)+/g, (run) => {
    const bytes: Buffer[] = []
    for (const [, , encoding, text] of run.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
      bytes.push(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' ')))
    }
    return Buffer.concat(bytes).toString('utf8')
  })
}

function quotedPrintable(text: string): Buffer {
  const out: number[] = []
  const source = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      out.push(parseInt(source.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      out.push(...Buffer.from(source[i], 'utf8'))
    }
  }
  return Buffer.from(out)
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const index = raw.search(/\r?\n\r?\n/)
  const head = index === -1 ? raw : raw.slice(0, index)
  const body = index === -1 ? '' : raw.slice(index).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body }
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return quotedPrintable(body).toString('utf8')
  return body
}

function parseMessage(raw: string): Omit<ReceivedMail, 'envelopeFrom' | 'to' | 'raw'> {
  const { headers, body } = splitEntity(raw)
  const parts = { text: '', html: '' }
  const walk = (entityHeaders: Record<string, string>, entityBody: string) => {
    const type = entityHeaders['content-type'] ?? 'text/plain'
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
    if (/^multipart\//i.test(type) && boundary) {
      for (const part of entityBody.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break
        const inner = splitEntity(part.replace(/^\r?\n/, ''))
        walk(inner.headers, inner.body)
      }
    } else if (/^text\/html/i.test(type)) {
      parts.html += decodeBody(entityHeaders, entityBody)
    } else if (/^text\/plain/i.test(type)) {
      parts.text += decodeBody(entityHeaders, entityBody)
    }
  }
  walk(headers, body)
  return { headers, subject: decodeWords(headers.subject ?? ''), text: parts.text, html: parts.html }
}

/** Every http(s) link in a mail's plain text. */
export const linksIn = (text: string): string[] => [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])]
