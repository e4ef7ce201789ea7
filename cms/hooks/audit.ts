import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterReadHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import { hasRole } from '../access/roles'

type Action = 'create' | 'update' | 'publish' | 'unpublish' | 'feature' | 'unfeature' | 'delete' | 'read_personal'

const SKIP = new Set(['updatedAt', 'createdAt', '_status', 'id'])

/** Top-level field names whose values differ; values themselves never go into the log. */
const changedFields = (doc: Record<string, unknown>, previous: Record<string, unknown> | undefined): string[] =>
  Object.keys(doc).filter((k) => !SKIP.has(k) && JSON.stringify(doc[k]) !== JSON.stringify(previous?.[k]))

async function writeEntry(req: PayloadRequest, entry: { action: Action; collection: string; docId: unknown; summary?: string; fields?: string[] }) {
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

const auditChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req, context }) => {
  if (context?.audit === false) return doc
  const actions: Action[] = [operation]
  if (doc._status === 'published' && previousDoc?._status !== 'published') actions.push('publish')
  if (operation === 'update' && doc._status === 'draft' && previousDoc?._status === 'published') actions.push('unpublish')
  if (doc.featured === true && previousDoc?.featured !== true) actions.push('feature')
  if (operation === 'update' && doc.featured === false && previousDoc?.featured === true) actions.push('unfeature')
  const fields = operation === 'update' ? changedFields(doc, previousDoc) : undefined
  for (const action of actions) await writeEntry(req, { action, collection: collection.slug, docId: doc.id, fields })
  return doc
}

const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, req, context }) => {
  if (context?.audit === false) return doc
  await writeEntry(req, { action: 'delete', collection: collection.slug, docId: doc.id })
  return doc
}

/**
 * Logs every read of personal data by a signed-in person (admin screens and API alike): a document read
 * counts when one of its personal groups came back non-empty after field-level access.
 */
const auditPersonalRead =
  (personalGroups: string[]): CollectionAfterReadHook =>
  async ({ collection, doc, req, context }) => {
    if (context?.audit === false || !hasRole(req.user, 'admin', 'editor', 'coordinator')) return doc
    const seen = personalGroups.filter((g) => {
      const value = doc?.[g] as Record<string, unknown> | undefined
      return value && Object.values(value).some((v) => v !== null && v !== undefined && v !== '')
    })
    if (seen.length) await writeEntry(req, { action: 'read_personal', collection: collection.slug, docId: doc.id, fields: seen })
    return doc
  }

/** Adds the audit hooks to a collection; `personalGroups` names its groups of personal data. */
export function withAudit(config: CollectionConfig, personalGroups: string[] = []): CollectionConfig {
  return {
    ...config,
    hooks: {
      ...config.hooks,
      afterChange: [...(config.hooks?.afterChange ?? []), auditChange],
      afterDelete: [...(config.hooks?.afterDelete ?? []), auditDelete],
      afterRead: personalGroups.length ? [...(config.hooks?.afterRead ?? []), auditPersonalRead(personalGroups)] : config.hooks?.afterRead,
    },
  }
}
