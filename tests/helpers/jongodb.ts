import type { Payload } from 'payload'

type DeleteOneArgs = Parameters<Payload['db']['deleteOne']>[0]

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
}
