import type { Payload } from 'payload'

import type { CounterStore } from './store'

/**
 * MongoDB only: the shared counters (collection `shared-counters`) changed through the adapter's mongoose model,
 * each change one atomic single-document operation ($inc, conditional findOneAndUpdate, upsert on the unique key).
 */

type Lean<T> = { lean: () => Promise<T> }
type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options: object) => Lean<{ count?: number } | null>
  updateOne: (filter: object, update: object, options?: object) => Promise<unknown>
  deleteMany: (filter: object) => Promise<{ deletedCount?: number }>
  findOne: (filter: object) => Lean<{ count?: number } | null>
}

const isDuplicateKey = (error: unknown) => /E11000|duplicate key/i.test(String((error as Error)?.message))

export function mongoCounters(payload: Payload): CounterStore {
  const model = (payload.db as unknown as { collections?: Record<string, MongoModel> }).collections?.['shared-counters']
  if (!model) throw new Error('shared counters: the MongoDB adapter has no model for shared-counters')
  const after = { returnDocument: 'after', new: true }
  return {
    async hit(key, expiresAt) {
      const run = () =>
        model.findOneAndUpdate({ key }, { $inc: { count: 1 }, $setOnInsert: { expiresAt } }, { ...after, upsert: true }).lean()
      // Two first hits at once: one upsert inserts, the other meets the unique index and simply increments.
      const doc = await run().catch((error) => (isDuplicateKey(error) ? run() : Promise.reject(error)))
      return Number(doc?.count)
    },
    async exists(key) {
      return Boolean(await model.findOne({ key }).lean())
    },
    async create(key, count) {
      await model
        .updateOne({ key }, { $setOnInsert: { key, count } }, { upsert: true })
        .catch((error) => (isDuplicateKey(error) ? undefined : Promise.reject(error)))
    },
    async claim(key, by, max) {
      const doc = await model.findOneAndUpdate({ key, count: { $lte: max - by } }, { $inc: { count: by } }, after).lean()
      return doc ? Number(doc.count) : null
    },
    async adjust(key, by) {
      await model.updateOne({ key }, { $inc: { count: by } })
      // As SQLite's MAX(0, …): a counter never goes below zero, whatever order the changes come in.
      if (by < 0) await model.updateOne({ key, count: { $lt: 0 } }, { $set: { count: 0 } })
    },
    async read(key) {
      const doc = await model.findOne({ key }).lean()
      return doc ? Number(doc.count) : null
    },
    async prune(now) {
      const result = await model.deleteMany({ expiresAt: { $lt: now } })
      return Number(result.deletedCount ?? 0)
    },
  }
}
