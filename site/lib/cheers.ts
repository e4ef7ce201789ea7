import { ActionError } from 'astro:actions'
import type { Where } from 'payload'

import { APPROVED_CHEER_MESSAGE, residentCheerMessageStatus } from '../../cms/domain/submissions'
import { cheerCountTag, cheerTag } from '../../cms/lib/cacheProtocol'
import { storeCheer } from '../../cms/lib/cheerIntake'
import { CHEER_TARGET_FIELD, type CheerTargetType } from '../../cms/lib/cheerTarget'
import { payloadClient } from './payload'
import { cached } from './cache'
import { cheerKey } from './formGuard'
import { pruneRateWindows, rateWindow, tooManyRequests } from './rateLimit'
import { toActionError } from './submit'

export type CheerTarget = CheerTargetType
export { CHEER_TARGET_TYPES, cheerTargetData } from '../../cms/lib/cheerTarget'

const targetIs = (type: CheerTarget, id: number | string): Where => ({ [CHEER_TARGET_FIELD[type]]: { equals: id } })

async function countCheersUncached(type: CheerTarget, id: number | string): Promise<number> {
  const payload = await payloadClient()
  const { totalDocs } = await payload.count({ collection: 'cheers', where: targetIs(type, id), overrideAccess: false })
  return totalDocs
}
export const countCheers = cached(
  'cheers.countCheers',
  (type: CheerTarget, id: number | string) => [cheerCountTag(type, id)],
  countCheersUncached,
)

async function findCheerMessagesUncached(
  type: CheerTarget,
  id: number | string,
  limit = 10,
): Promise<{ id: number | string; message: string; createdAt: string }[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'cheers',
    where: { and: [targetIs(type, id), { messageStatus: { equals: APPROVED_CHEER_MESSAGE } }] },
    select: { message: true, createdAt: true },
    sort: '-createdAt',
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return docs.filter((d) => d.message) as { id: number | string; message: string; createdAt: string }[]
}
/** Messages an editor approved; the message field is unreadable before that. */
export const findCheerMessages = cached(
  'cheers.findCheerMessages',
  (type: CheerTarget, id: number | string) => [cheerTag(type, id)],
  findCheerMessagesUncached,
)

/**
 * A cheer may only go to something the public can see: the target's collection's own public read rule decides
 * (access control on), before the cheer is written. The checks that arrive together (a cheer storm over many targets) share one query per collection.
 */
type Check = { id: number | string; settle: { resolve: (ok: boolean) => void; reject: (error: unknown) => void }[] }
const pendingChecks = new Map<CheerTarget, Map<string, Check>>()

function isCheerableUncached(type: CheerTarget, id: number | string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let checks = pendingChecks.get(type)
    if (!checks) {
      pendingChecks.set(type, (checks = new Map()))
      setImmediate(() => void runChecks(type))
    }
    const key = String(id)
    let check = checks.get(key)
    if (!check) checks.set(key, (check = { id, settle: [] }))
    check.settle.push({ resolve, reject })
  })
}

async function runChecks(type: CheerTarget): Promise<void> {
  const checks = pendingChecks.get(type)!
  pendingChecks.delete(type)
  const ids = [...checks.values()].map((c) => c.id)
  try {
    const payload = await payloadClient()
    const { docs } = await payload.find({
      collection: type,
      where: { id: { in: ids } },
      select: {},
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
    })
    const visible = new Set(docs.map((d) => String(d.id)))
    for (const [key, check] of checks) for (const { resolve } of check.settle) resolve(visible.has(key))
  } catch (error) {
    for (const check of checks.values()) for (const { reject } of check.settle) reject(error)
  }
}
// Cached like the pages that show the cheer button: any change to the target's collection drops the answer.
export const isCheerable = cached('cheers.isCheerable', (type: CheerTarget, _id: number | string) => [type], isCheerableUncached)

const REPEAT_CHEER_MESSAGE = '拍手は同じ相手に1日1回までです。また明日お願いします。'

/**
 * Stores a resident's cheer (the action has checked the form and that the target is public): counted in the
 * client's rate-limit window and stored in one commit with the other cheers arriving now (cms/lib/cheerIntake.ts).
 * Resolves once stored; a repeat, a client over the limit or a failed write throws the resident's Japanese answer.
 */
export async function sendCheer(client: string, type: CheerTarget, id: number | string, message: string | undefined): Promise<void> {
  const payload = await payloadClient()
  const now = Date.now()
  const limit = rateWindow('cheer', client, now)
  pruneRateWindows(payload, now)
  const outcome = await storeCheer(payload, {
    type,
    id,
    message: message || undefined,
    messageStatus: residentCheerMessageStatus(message),
    dedupeKey: cheerKey(client, `${type}:${id}`, new Date(now)),
    limit,
  })
  if (outcome.result === 'stored') return
  if (outcome.result === 'limited') throw tooManyRequests(limit.expiresAt, now)
  if (outcome.result === 'duplicate') throw new ActionError({ code: 'CONFLICT', message: REPEAT_CHEER_MESSAGE })
  toActionError(outcome.error, REPEAT_CHEER_MESSAGE)
}
