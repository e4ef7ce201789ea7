import type { Where } from 'payload'

import { APPROVED_CHEER_MESSAGE } from '../../cms/domain/submissions'
import { cheerTag } from '../../cms/lib/cacheProtocol'
import { CHEER_TARGET_FIELD, type CheerTargetType } from '../../cms/lib/cheerTarget'
import { payloadClient } from './payload'
import { cached } from './cache'

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
  (type: CheerTarget, id: number | string) => [cheerTag(type, id)],
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
 * A cheer may only go to something the public can see: checked before the write, because SQLite stores
 * the cheer's row before its relationship row, and a refused relationship must not leave half a cheer.
 */
async function isCheerableUncached(type: CheerTarget, id: number | string): Promise<boolean> {
  const payload = await payloadClient()
  const { totalDocs } = await payload.count({ collection: type, where: { id: { equals: id } }, overrideAccess: false })
  return totalDocs === 1
}
// Cached like the pages that show the cheer button: any change to the target's collection drops the answer.
export const isCheerable = cached('cheers.isCheerable', (type: CheerTarget, _id: number | string) => [type], isCheerableUncached)
