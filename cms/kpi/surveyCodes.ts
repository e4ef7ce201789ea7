import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

import { resolveSecret } from '../runtime/secret'

/**
 * One-time codes for the portal's web survey (the supplementary KPI-1 indicator): staff hand one printed code
 * to each person at an event or counter; a web answer carrying an unused code of the answer's fiscal year counts
 * once, an answer without one is stored but not counted. Nothing that could be typed in as a code is stored:
 *
 *   code = PREFIX-NNN-MAC   PREFIX: the batch's random 4 characters; NNN: the code's number in the batch;
 *                           MAC: 6 characters of an HMAC (key derived from PAYLOAD_SECRET) over PREFIX and NNN.
 *
 * So a batch's codes can be printed again from the batch alone (GET /api/survey-code-batches/:id/codes.csv), a
 * guessed code is right once in 2^30, and a used code is remembered only as a keyed hash (survey-code-uses,
 * unique). Rotating PAYLOAD_SECRET invalidates codes not yet used.
 */

// Crockford's base32: no I, L, O, U, so a code read off paper is not mistyped into another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const PREFIX_LENGTH = 4
const MAC_LENGTH = 6
export const MAX_CODES_PER_BATCH = 2000

const key = () => createHmac('sha256', resolveSecret()).update('esuko-survey-code').digest()

const base32 = (bytes: Buffer, length: number) => {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    if (out.length >= length) break
  }
  return out
}

const macOf = (prefix: string, n: number) => base32(createHmac('sha256', key()).update(`${prefix}:${n}`).digest(), MAC_LENGTH)

/** A new batch's prefix (random; uniqueness is the collection's index). */
export const newBatchPrefix = (): string => Array.from({ length: PREFIX_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

/** The n-th code (1-based) of a batch, as printed. */
export const surveyCode = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(3, '0')}-${macOf(prefix, n)}`

export type ParsedCode = { prefix: string; n: number; normalised: string }

/**
 * A typed code read leniently (full-width characters, lower case, spaces or no hyphens, O for 0, I/L for 1),
 * checked against its MAC. null when it is not a code this portal printed.
 */
export function parseSurveyCode(input: string): ParsedCode | null {
  const text = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  // Fixed-length ends: the prefix and the MAC may themselves contain digits.
  const [prefix, digits, mac] = [text.slice(0, PREFIX_LENGTH), text.slice(PREFIX_LENGTH, -MAC_LENGTH), text.slice(-MAC_LENGTH)]
  if (text.length < PREFIX_LENGTH + 1 + MAC_LENGTH || !/^\d{1,4}$/.test(digits)) return null
  const n = Number(digits)
  if (n < 1 || n > MAX_CODES_PER_BATCH) return null
  const expected = macOf(prefix, n)
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null
  return { prefix, n, normalised: `${prefix}-${n}` }
}

/** What is stored of a used code: a keyed hash, so the table of uses cannot be turned back into codes. */
export const surveyCodeHash = (code: ParsedCode): string => createHmac('sha256', key()).update(`used:${code.normalised}`).digest('hex')
