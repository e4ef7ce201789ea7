import { randomBytes } from 'node:crypto'

import { REFERENCE_ALPHABET } from '../domain/submissions'

/** A fresh reference 'E-XXXX-XXXX' from the crypto RNG: 8 symbols of 32, 5 bits each, no modulo bias. */
export function newRegistrationReference(): string {
  const bytes = randomBytes(8)
  const symbols = [...bytes].map((b) => REFERENCE_ALPHABET[b & 31])
  return `E-${symbols.slice(0, 4).join('')}-${symbols.slice(4).join('')}`
}
