import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterReadHook,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
} from 'payload'

import { idOf } from '../domain/ids'
import { isStaffUser } from '../domain/roles'

type Action =
  'create' | 'update' | 'publish' | 'unpublish' | 'feature' | 'unfeature' | 'delete' | 'read_personal' | 'change_roles' | 'publish_refused'

const SKIP = new Set(['updatedAt', 'createdAt', '_status', 'id'])

/**
 * A field's value in a form that does not depend on how deeply it was read: the saved document comes
 * back populated, the previous one does not, so relationships compare by id, and joins (computed from
 * other collections, absent from the previous document) not at all.
 */
function comparable(field: FlattenedField, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'join':
      return undefined
    case 'relationship':
    case 'upload': {
      const one = (v: unknown) => {
        if (!v || typeof v !== 'object' || !('relationTo' in v)) return idOf(v)
        const { relationTo, value } = v as { relationTo: string; value: unknown }
        return { relationTo, value: idOf(value) }
      }
      return Array.isArray(value) ? value.map(one) : one(value)
    }
    case 'group':
    case 'tab':
      return typeof value === 'object' ? comparableDoc(field.flattenedFields, value as Record<string, unknown>) : value
    case 'array':
      return Array.isArray(value) ? value.map((row) => comparableDoc(field.flattenedFields, row as Record<string, unknown>)) : value
    case 'blocks':
      return Array.isArray(value)
        ? value.map((row: Record<string, unknown>) => {
            const block = field.blocks.find((b) => typeof b === 'object' && b.slug === row.blockType)
            return block && typeof block === 'object' ? { blockType: row.blockType, ...comparableDoc(block.flattenedFields, row) } : row
          })
        : value
    default:
      return value
  }
}

const comparableDoc = (fields: FlattenedField[], doc: Record<string, unknown>) =>
  Object.fromEntries(fields.filter((f) => 'name' in f).map((f) => [f.name, comparable(f, doc?.[f.name])]))

/** Top-level field names whose values differ; values themselves never go into the log. */
const changedFields = (fields: FlattenedField[], doc: Record<string, unknown>, previous: Record<string, unknown> | undefined): string[] =>
  fields
    .filter((f) => f.type !== 'join' && !SKIP.has(f.name))
    .filter((f) => JSON.stringify(comparable(f, doc[f.name])) !== JSON.stringify(comparable(f, previous?.[f.name])))
    .map((f) => f.name)

/**
 * Saving a draft over a published document leaves the published one live: only a write to the
 * document itself (the draft status stored there) is an unpublish.
 */
async function isStillPublished(req: PayloadRequest, collection: CollectionSlug, id: unknown): Promise<boolean> {
  const main = await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })
  return (main as { _status?: string } | null)?._status === 'published'
}

/** Appends one entry to the audit log, as the request's user, in the request's transaction. */
export async function writeEntry(
  req: PayloadRequest,
  entry: { action: Action; collection: string; docId: unknown; summary?: string; fields?: string[] },
) {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      collectionSlug: entry.collection,
      docId: entry.docId === undefined ? undefined : String(entry.docId),
      user: req.user?.collection === 'users' ? req.user.id : undefined,
      channel: typeof req.context?.channel === 'string' ? req.context.channel : req.user ? 'admin' : 'system',
      summary: entry.summary,
      fields: entry.fields,
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
}

// Anonymous, high-volume residents' entries that hold no personal data: their arrival tells no "who", and
// logging each would double the write cost of a cheer. Editors' later changes to them are still logged.
const UNLOGGED_RESIDENT_CREATES = new Set(['cheers', 'survey-responses'])

/** Logs a change (and a publish, unpublish, feature or unfeature it makes); values never go into the log. */
export const auditChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req, context }) => {
  if (context?.audit === false) return doc
  if (operation === 'create' && !req.user && req.context?.channel === 'site' && UNLOGGED_RESIDENT_CREATES.has(collection.slug)) return doc
  const actions: Action[] = [operation]
  if (doc._status === 'published' && previousDoc?._status !== 'published') actions.push('publish')
  if (
    operation === 'update' &&
    doc._status === 'draft' &&
    previousDoc?._status === 'published' &&
    !(await isStillPublished(req, collection.slug, doc.id))
  ) {
    actions.push('unpublish')
  }
  if (doc.featured === true && previousDoc?.featured !== true) actions.push('feature')
  if (operation === 'update' && doc.featured === false && previousDoc?.featured === true) actions.push('unfeature')
  const fields = operation === 'update' ? changedFields(collection.flattenedFields, doc, previousDoc) : undefined
  for (const action of actions) await writeEntry(req, { action, collection: collection.slug, docId: doc.id, fields })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, req, context }) => {
  if (context?.audit === false) return doc
  await writeEntry(req, { action: 'delete', collection: collection.slug, docId: doc.id })
  return doc
}

/**
 * Logs every read of personal data by a signed-in person (admin screens and API alike): a document read
 * counts when one of its personal groups came back non-empty after field-level access.
 */
export const auditPersonalRead =
  (personalGroups: string[]): CollectionAfterReadHook =>
  async ({ collection, doc, req, context }) => {
    if (context?.audit === false || !isStaffUser(req.user)) return doc
    const seen = personalGroups.filter((g) => {
      const value = doc?.[g] as Record<string, unknown> | undefined
      return value && Object.values(value).some((v) => v !== null && v !== undefined && v !== '')
    })
    if (seen.length) await writeEntry(req, { action: 'read_personal', collection: collection.slug, docId: doc.id, fields: seen })
    return doc
  }
