import { ActionError } from 'astro:actions'
import type { CollectionSlug } from 'payload'

import { payloadClient } from './payload'

type PayloadLikeError = Error & { status?: number; isPublic?: boolean; data?: { errors?: { path?: string; message?: string }[] } }

/** Maps Payload's refusals to a Japanese message the resident can act on; anything else stays a 500. */
export function toActionError(error: unknown, duplicateMessage?: string): never {
  const e = error as PayloadLikeError
  if (e?.name === 'ValidationError') {
    const messages = (e.data?.errors ?? []).map((x) => x.message).filter(Boolean)
    const unique = messages.some((m) => /unique|一意|既に|already/i.test(m ?? ''))
    if (unique && duplicateMessage) throw new ActionError({ code: 'CONFLICT', message: duplicateMessage })
    throw new ActionError({ code: 'BAD_REQUEST', message: `入力内容を確認してください。${messages.join(' ')}` })
  }
  if (duplicateMessage && /unique|duplicate|E11000|SQLITE_CONSTRAINT/i.test(`${e?.message} ${(e as { cause?: Error })?.cause?.message ?? ''}`)) {
    throw new ActionError({ code: 'CONFLICT', message: duplicateMessage })
  }
  if (e?.isPublic && e.status && e.status >= 400 && e.status < 500) {
    throw new ActionError({ code: e.status === 409 ? 'CONFLICT' : 'BAD_REQUEST', message: e.message })
  }
  throw error
}

/**
 * Stores a resident's submission: the Local API with access control on and the site channel, so the
 * collection's own rules decide what a resident may set. Returns once the write has been committed.
 */
export async function createFromSite<T extends CollectionSlug>(collection: T, data: Record<string, unknown>, duplicateMessage?: string) {
  const payload = await payloadClient()
  try {
    return await payload.create({ collection, data: data as never, overrideAccess: false, context: { channel: 'site' }, depth: 0 })
  } catch (error) {
    toActionError(error, duplicateMessage)
  }
}
