import type { Payload } from 'payload'

type DeleteOneArgs = Parameters<Payload['db']['deleteOne']>[0]
type UpdateJobsArgs = Parameters<Payload['db']['updateJobs']>[0]

/**
 * jongodb rejects findOneAndDelete (`new is not allowed when remove=true`), which the Mongo adapter uses
 * to delete by id. For the smoke run only: find the document, then delete it without returning it.
 */
export function patchForJongodb(payload: Payload): void {
  const db = payload.db
  db.deleteOne = async (args: DeleteOneArgs) => {
    const doc = await db.findOne({ collection: args.collection, where: args.where, req: args.req })
    await db.deleteMany({ collection: args.collection, where: args.where, req: args.req })
    return doc as Awaited<ReturnType<Payload['db']['deleteOne']>>
  }

  // jongodb has no $push either, which the jobs runner uses to append to a job's log (every retry writes one):
  // read the log and write it back whole.
  const updateJobs = db.updateJobs.bind(db)
  db.updateJobs = async (args: UpdateJobsArgs) => {
    const log = (args.data as { log?: unknown }).log
    if (args.id !== undefined && log && typeof log === 'object' && !Array.isArray(log) && '$push' in log) {
      const current = (await db.findOne({ collection: 'payload-jobs', where: { id: { equals: args.id } }, req: args.req })) as {
        log?: unknown[]
      } | null
      const pushed = (log as { $push: unknown }).$push
      const items = pushed && typeof pushed === 'object' && '$each' in pushed ? (pushed as { $each: unknown[] }).$each : [pushed]
      return updateJobs({ ...args, data: { ...args.data, log: [...(current?.log ?? []), ...items] } as UpdateJobsArgs['data'] })
    }
    return updateJobs(args)
  }
}
