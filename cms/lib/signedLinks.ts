import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

import type { Id } from '../domain/ids'
import { resolveSecret } from '../runtime/secret'

/**
 * Links that act without an account (mailed to a resident, or a staff member's draft preview): whoever holds the link may do the one thing it
 * names for the one record it names. The token is an HMAC under a key derived from PAYLOAD_SECRET, bound to
 * the purpose and the record id (and an expiry when given), so a token for one purpose or record is worthless
 * for any other. Nothing is stored: rotating PAYLOAD_SECRET voids every link already sent.
 */
export type LinkPurpose = 'cancel-registration' | 'confirm-deletion' | 'preview'

let key: KeyObject | undefined
const signingKey = () => (key ??= createSecretKey(createHmac('sha256', resolveSecret()).update('esuko-mail-links').digest()))
const sign = (text: string) => createHmac('sha256', signingKey()).update(text).digest('base64url')

/** `<signature>` or, with an expiry, `<expiry ms>.<signature>`. */
export function signLink(purpose: LinkPurpose, id: Id, options: { expiresAt?: Date } = {}): string {
  const expiry = options.expiresAt ? String(options.expiresAt.getTime()) : ''
  const signature = sign(`${purpose}:${id}:${expiry}`)
  return expiry ? `${expiry}.${signature}` : signature
}

/** Whether the token was made by signLink for this purpose and id, and has not expired. */
export function verifyLink(purpose: LinkPurpose, id: Id, token: string | null | undefined, now = Date.now()): boolean {
  if (!token || token.length > 200) return false
  const dot = token.indexOf('.')
  const expiry = dot === -1 ? '' : token.slice(0, dot)
  const signature = dot === -1 ? token : token.slice(dot + 1)
  if (expiry && (!/^\d{1,15}$/.test(expiry) || Number(expiry) < now)) return false
  const expected = sign(`${purpose}:${id}:${expiry}`)
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
}
