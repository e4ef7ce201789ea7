import type { Payload } from 'payload'

import { hitCounter } from '../../lib/sharedCounters'
import { cheerTargetData } from '../../lib/cheerTarget'
import type { CheerOutcome, CheerStore } from './store'

/**
 * MongoDB: each cheer through the Local API, as any resident's submission (its hooks run: invalidation, tallies).
 * A MongoDB write does not stop the event loop while the disk syncs, so there is no commit to share here.
 */
export function mongoCheers(payload: Payload): CheerStore {
  return {
    hooksRan: true,
    async write(rows) {
      const outcomes: CheerOutcome[] = []
      for (const row of rows) {
        try {
          if ((await hitCounter(payload, row.limit.key, row.limit.expiresAt)) > row.limit.max) {
            outcomes.push({ result: 'limited' })
            continue
          }
          const doc = await payload.create({
            collection: 'cheers',
            data: { ...cheerTargetData(row.type, row.id), message: row.message, dedupeKey: row.dedupeKey } as never,
            overrideAccess: false,
            context: { channel: 'site' },
            depth: 0,
          })
          outcomes.push({ result: 'stored', doc: { id: doc.id, createdAt: doc.createdAt } })
        } catch (error) {
          // A repeat is refused by the unique dedupe key; whatever the error says, the stored key tells.
          const { totalDocs } = await payload.count({ collection: 'cheers', where: { dedupeKey: { equals: row.dedupeKey } } })
          outcomes.push(totalDocs > 0 ? { result: 'duplicate' } : { result: 'error', error })
        }
      }
      return outcomes
    },
  }
}
