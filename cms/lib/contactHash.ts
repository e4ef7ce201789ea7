import { createHmac } from 'node:crypto'

import { resolveSecret } from '../runtime/secret'

export type Contact = { email?: string | null; phone?: string | null }

export const normaliseEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase()

/** Digits only, with a +81 country code turned into the domestic leading 0 ("+81 (0)90…" too). */
export const normalisePhone = (phone: string): string => {
  const digits = phone.normalize('NFKC').replace(/\D/g, '')
  if (!digits.startsWith('81') || digits.length < 11) return digits
  const national = digits.slice(2)
  return national.startsWith('0') ? national : `0${national}`
}

let key: Buffer | undefined
// PARTICIPANT_HASH_KEY keeps hashes stable if the session secret is rotated; otherwise derive from it.
const hashKey = (): Buffer =>
  (key ??= createHmac('sha256', process.env.PARTICIPANT_HASH_KEY?.trim() || resolveSecret())
    .update('esuko-participants')
    .digest())

const hmac = (value: string): string => createHmac('sha256', hashKey()).update(value).digest('hex')

/** Keyed hashes of a normalised contact: the same person gives the same hashes, the hashes give no contact back. */
export function contactHashes(contact: Contact): { emailHash?: string; phoneHash?: string } {
  const email = contact.email ? normaliseEmail(contact.email) : ''
  const phone = contact.phone ? normalisePhone(contact.phone) : ''
  return {
    ...(email ? { emailHash: hmac(`email:${email}`) } : {}),
    ...(phone.length >= 10 ? { phoneHash: hmac(`phone:${phone}`) } : {}),
  }
}
