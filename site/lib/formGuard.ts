import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto'

import { ActionError } from 'astro:actions'

import { resolveSecret } from '../../cms/runtime/secret'

const MIN_FILL_MS = 3_000
const MAX_AGE_MS = 24 * 60 * 60 * 1000

// A KeyObject, made once: HMAC with a raw Buffer key re-imports the key on every call (~6× slower).
let key: KeyObject | undefined
const signingKey = () => (key ??= createSecretKey(createHmac('sha256', resolveSecret()).update('esuko-site-forms').digest()))
const sign = (value: string) => createHmac('sha256', signingKey()).update(value).digest('base64url')

/** A signed timestamp for the hidden `_t` field: proves when the form was shown, without a session. */
export const formToken = (now = Date.now()): string => `${now}.${sign(String(now))}`

export type GuardFields = { _t?: string; website?: string }

/**
 * Bot checks every public form shares: the honeypot must stay empty, and the form must have been shown
 * by us at least a few seconds (and at most a day) before it comes back.
 */
export function checkFormGuard(fields: GuardFields, now = Date.now()): void {
  if (fields.website)
    throw new ActionError({ code: 'BAD_REQUEST', message: '送信内容を確認できませんでした。お手数ですが、もう一度入力してください。' })
  const [issued, signature] = (fields._t ?? '').split('.')
  const expected = issued ? sign(issued) : ''
  const valid = Boolean(signature) && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  const age = now - Number(issued)
  if (!valid || !(age >= 0) || age > MAX_AGE_MS) {
    throw new ActionError({
      code: 'BAD_REQUEST',
      message: 'フォームの有効期限が切れました。ページを開き直してから、もう一度送信してください。',
    })
  }
  if (age < MIN_FILL_MS)
    throw new ActionError({ code: 'BAD_REQUEST', message: '送信が早すぎます。内容をご確認のうえ、数秒おいてから送信してください。' })
}

/** A keyed hash of the client address: lets us count requests per client without keeping the address. */
export const clientKey = (address: string | undefined): string =>
  createHmac('sha256', signingKey())
    .update(`client:${address ?? 'unknown'}`)
    .digest('base64url')
    .slice(0, 22)

/** Today's date in Japan, for once-a-day rules. */
export const tokyoDay = (now = new Date()): string => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)

/** A keyed, daily hash of client and target: one cheer per target per client per day, with nothing personal stored. */
export const cheerKey = (client: string, target: string, now = new Date()): string =>
  createHmac('sha256', signingKey())
    .update(`cheer:${tokyoDay(now)}:${client}:${target}`)
    .digest('base64url')
