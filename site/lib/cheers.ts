import type { Where } from 'payload'

import { payloadClient } from './payload'

export type CheerTarget = 'stories' | 'citizens' | 'plans'

const targetIs = (type: CheerTarget, id: number | string): Where => ({
  and: [{ 'target.relationTo': { equals: type } }, { 'target.value': { equals: id } }],
})

export async function countCheers(type: CheerTarget, id: number | string): Promise<number> {
  const payload = await payloadClient()
  const { totalDocs } = await payload.count({ collection: 'cheers', where: targetIs(type, id), overrideAccess: false })
  return totalDocs
}

/** Messages an editor approved; the message field is unreadable before that. */
export async function findCheerMessages(type: CheerTarget, id: number | string, limit = 10): Promise<{ id: number | string; message: string; createdAt: string }[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'cheers',
    where: { and: [targetIs(type, id), { messageStatus: { equals: 'approved' } }] },
    select: { message: true, createdAt: true },
    sort: '-createdAt',
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: false,
  })
  return docs.filter((d) => d.message) as { id: number | string; message: string; createdAt: string }[]
}
