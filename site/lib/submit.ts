import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import { ActionError } from 'astro:actions'
import type { CollectionSlug, RequestContext } from 'payload'

import { releaseSeatClaims, seatClaimsContext } from '../../cms/hooks/enforceEventCapacity'

import { payloadClient } from './payload'

// Payload words a unique-index refusal in the request's language (ja for the site: the fallback language).
const UNIQUE_MESSAGES = new Set([ja, en].map((language) => language.translations.error.valueMustBeUnique))

type PayloadLikeError = Error & { status?: number; isPublic?: boolean; data?: { errors?: { path?: string; message?: string }[] } }

/** Maps Payload's refusals to a Japanese message the resident can act on; anything else stays a 500. */
export function toActionError(error: unknown, duplicateMessage?: string): never {
  const e = error as PayloadLikeError
  if (e?.name === 'ValidationError') {
    const messages = (e.data?.errors ?? []).map((x) => x.message).filter(Boolean)
    const unique = messages.some((m) => UNIQUE_MESSAGES.has(m!) || /unique|一意|既に|already/i.test(m ?? ''))
    if (unique && duplicateMessage) throw new ActionError({ code: 'CONFLICT', message: duplicateMessage })
    throw new ActionError({ code: 'BAD_REQUEST', message: `入力内容を確認してください。${messages.join(' ')}` })
  }
  // A relationship to a document that does not exist (a forged or stale id in a hidden field): SQLite's
  // foreign key refuses the row, which is the resident's mistake, not a server failure.
  if (
    /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY/i.test(`${e?.message} ${(e as { cause?: Error })?.cause?.message ?? ''}`)
  ) {
    throw new ActionError({ code: 'BAD_REQUEST', message: '送信先が見つかりません。ページを開き直してから、もう一度お試しください。' })
  }
  if (
    duplicateMessage &&
    /unique|duplicate|E11000|SQLITE_CONSTRAINT/i.test(`${e?.message} ${(e as { cause?: Error })?.cause?.message ?? ''}`)
  ) {
    throw new ActionError({ code: 'CONFLICT', message: duplicateMessage })
  }
  if (e?.isPublic && e.status && e.status >= 400 && e.status < 500) {
    throw new ActionError({ code: e.status === 409 ? 'CONFLICT' : 'BAD_REQUEST', message: e.message })
  }
  throw error
}

/**
 * A document id from a form field, in the database's own type: the SQLite adapter's ids are numbers and
 * Payload refuses a relationship given as the string "12"; MongoDB's are strings and stay as they are.
 */
export async function docId(value: string): Promise<number | string> {
  const payload = await payloadClient()
  if (payload.db.defaultIDType !== 'number') return value
  if (!/^\d{1,15}$/.test(value)) throw new ActionError({ code: 'BAD_REQUEST', message: '送信先が正しくありません。' })
  return Number(value)
}

/**
 * Stores a resident's submission: the Local API with access control on and the site channel, so the
 * collection's own rules decide what a resident may set. Returns once the write has been committed.
 */
export async function createFromSite<T extends CollectionSlug>(
  collection: T,
  data: Record<string, unknown>,
  duplicateMessage?: string,
  extraContext: RequestContext = {},
) {
  const payload = await payloadClient()
  const context: RequestContext = { ...extraContext, channel: 'site', ...seatClaimsContext() }
  try {
    return await payload.create({ collection, data: data as never, overrideAccess: false, context, depth: 0 })
  } catch (error) {
    // Seats claimed in the database for a row that was never written go back at once.
    await releaseSeatClaims(context).catch((e) => console.error('[site] releasing seats failed', e))
    toActionError(error, duplicateMessage)
  }
}
