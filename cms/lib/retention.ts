import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { fieldsOfKind, PERSONAL_DATA, type PersonalGroup } from '../domain/personalData'
import { DELETION_UNCONFIRMED_DAYS } from '../domain/submissions'
import { queueMail } from '../mail/send'

import { type Contact, contactHashes, normaliseEmail, normalisePhone } from './contactHash'

/**
 * Where a resident's personal data lives, as retention and deletion need it, derived from the declarations in
 * cms/domain/personalData.ts. `fields`: cleared at the end of the retention period and on a deletion request.
 * `names`: what else identifies the person (a name in the group, or `eraseBeside` outside it); kept through the
 * retention period (the record needs a name to show), replaced when the person asks for deletion. `null` clears
 * a field, a value replaces a required one; `group.` names a field in the group.
 */
type Location = {
  collection: CollectionSlug
  group: string
  fields: string[]
  /** the fields a deletion request is matched on */
  match: string[]
  versions?: boolean
  names?: Record<string, unknown>
  retention: PersonalGroup['retention']
}

const locationOf = (g: PersonalGroup): Location => ({
  collection: g.collection,
  group: g.group,
  fields: fieldsOfKind(g, 'email', 'phone', 'detail'),
  match: fieldsOfKind(g, 'email', 'phone'),
  versions: g.versions,
  names: { ...Object.fromEntries(fieldsOfKind(g, 'name').map((f) => [`group.${f}`, null])), ...g.eraseBeside },
  retention: g.retention,
})

const LOCATIONS: Location[] = PERSONAL_DATA.map(locationOf)

/** Every place whose contact details the retention period clears (esuko citizens keep theirs while registered). */
export const CONTACT_LOCATIONS: Location[] = LOCATIONS.filter((loc) => loc.retention === 'purge')

const DAY = 24 * 60 * 60 * 1000
const cleared = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, null]))
const hasAny = (loc: Location, fields: string[]): Where => ({ or: fields.map((f) => ({ [`${loc.group}.${f}`]: { exists: true } })) })

/** The write that clears a document's contact (and, on a deletion request, the names beside it). */
function clearing(loc: Location, doc: Record<string, unknown> | undefined, eraseNames: boolean): Record<string, unknown> {
  const group: Record<string, unknown> = { ...(doc?.[loc.group] as object), ...cleared(loc.fields) }
  const top: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(eraseNames ? (loc.names ?? {}) : {})) {
    if (field.startsWith('group.')) group[field.slice('group.'.length)] = value
    else top[field] = value
  }
  return { ...top, [loc.group]: group }
}

async function clearDoc(
  payload: Payload,
  loc: Location,
  id: number | string,
  options: { eraseNames?: boolean; req?: PayloadRequest } = {},
) {
  const { eraseNames = false, req } = options
  if (!loc.versions) {
    await payload.update({
      collection: loc.collection,
      id,
      data: clearing(loc, undefined, eraseNames),
      overrideAccess: true,
      depth: 0,
      req,
      context: { audit: false },
    })
    return
  }
  // With drafts, a Local API update would save the latest version over the published document (and so
  // publish or unpublish it, and add a version): write only these fields, in the document itself and
  // in every version that keeps a copy of the submission.
  const main = (await payload.db.findOne({ collection: loc.collection, where: { id: { equals: id } }, req })) as Record<
    string,
    unknown
  > | null
  if (main) await payload.db.updateOne({ collection: loc.collection, id, data: clearing(loc, main, eraseNames), req, returning: false })
  const versions = await payload.findVersions({
    collection: loc.collection,
    where: { parent: { equals: id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const v of versions.docs) {
    const version = v.version as unknown as Record<string, unknown>
    await payload.db.updateVersion({
      collection: loc.collection,
      id: v.id,
      versionData: { ...v, version: { ...version, ...clearing(loc, version, eraseNames) } } as never,
      req,
      returning: false,
    })
  }
}

async function logErase(payload: Payload, summary: string, count: number) {
  if (!count) return
  await payload.create({
    collection: 'audit-log',
    data: { at: new Date().toISOString(), action: 'erase_personal', collectionSlug: '*', channel: 'job', summary },
    overrideAccess: true,
  })
}

/** Clears contact details older than the retention period; the records (and so the counts) remain. */
export async function purgeExpiredContacts(payload: Payload, options: { now?: Date; retentionDays?: number } = {}): Promise<number> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
  const days = options.retentionDays ?? settings.retentionDays ?? 365
  const cutoff = new Date((options.now ?? new Date()).getTime() - days * DAY).toISOString()
  let erased = 0
  for (const loc of CONTACT_LOCATIONS) {
    const { docs } = await payload.find({
      collection: loc.collection,
      where: { and: [{ createdAt: { less_than: cutoff } }, hasAny(loc, loc.fields)] },
      select: { id: true } as never,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      draft: true,
    })
    for (const doc of docs as { id: number | string }[]) await clearDoc(payload, loc, doc.id)
    erased += docs.length
  }
  await logErase(payload, `保存期間（${days}日）を過ぎた連絡先を ${erased} 件消去しました`, erased)
  return erased
}

type MongooseModels = { collections: Record<string, { updateOne: (filter: object, update: object) => Promise<unknown> }> }

/**
 * Removes a participant's hashes, keeping the participant (and so the counts). On MongoDB the fields are
 * unset rather than set to null: the unique (sparse) hash indexes admit one null only, so a second
 * erased participant would otherwise be refused as a duplicate.
 */
async function unlinkParticipant(payload: Payload, id: number | string) {
  if (payload.db.name === 'mongoose') {
    await (payload.db as unknown as MongooseModels).collections.participants.updateOne(
      { _id: id },
      { $unset: { emailHash: '', phoneHash: '' }, $set: { erased: true, updatedAt: new Date() } },
    )
    return
  }
  await payload.update({
    collection: 'participants',
    id,
    data: { emailHash: null, phoneHash: null, erased: true },
    overrideAccess: true,
    depth: 0,
  })
}

const matches = (stored: { email?: string | null; phone?: string | null } | undefined, contact: Contact) =>
  Boolean(
    stored &&
    ((contact.email && stored.email && normaliseEmail(stored.email) === normaliseEmail(contact.email)) ||
      (contact.phone && stored.phone && normalisePhone(stored.phone) === normalisePhone(contact.phone))),
  )

/**
 * Removes one person's personal data everywhere it is kept: every declared personal group (an esuko citizen's
 * private data, and with it their public profile), and the participant hashes (the participant stays, unlinkable,
 * so counts hold).
 */
export async function eraseContact(payload: Payload, contact: Contact): Promise<number> {
  let erased = 0
  for (const loc of LOCATIONS) {
    const { docs } = await payload.find({
      collection: loc.collection,
      where: hasAny(loc, loc.match),
      select: { [loc.group]: true } as never,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      draft: true,
    })
    for (const doc of docs as unknown as Array<{ id: number | string } & Record<string, never>>) {
      if (!matches(doc[loc.group], contact)) continue
      await clearDoc(payload, loc, doc.id, { eraseNames: true })
      erased++
    }
  }

  const hashes = contactHashes(contact)
  const or: Where[] = []
  if (hashes.emailHash) or.push({ emailHash: { equals: hashes.emailHash } })
  if (hashes.phoneHash) or.push({ phoneHash: { equals: hashes.phoneHash } })
  if (or.length) {
    const { docs } = await payload.find({ collection: 'participants', where: { or }, pagination: false, depth: 0, overrideAccess: true })
    for (const p of docs) {
      await unlinkParticipant(payload, p.id)
      erased++
    }
  }
  await logErase(payload, `削除依頼により ${erased} 件の個人情報を消去しました`, erased)
  return erased
}

/** The jobs queue deletion requests are processed on (run every few minutes by the admin process). */
export const DELETION_QUEUE = 'nightly'

const JOB_CONTEXT = { channel: 'job', deletionTransition: 'job' } as const

/**
 * Works through deletion requests: a confirmed or verified one is carried out (erase, mail "done" to the address
 * given, clear the request's own contact); one left unconfirmed past DELETION_UNCONFIRMED_DAYS expires and its
 * contact is cleared. Nothing else is touched: an unconfirmed request erases nothing. Returns how many were carried out.
 */
export async function processDeletionRequests(payload: Payload, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date()
  const stale = await payload.find({
    collection: 'deletion-requests',
    where: {
      and: [
        { status: { equals: 'received' } },
        { createdAt: { less_than: new Date(now.getTime() - DELETION_UNCONFIRMED_DAYS * DAY).toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const request of stale.docs) {
    await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      data: { status: 'expired', contact: { email: null, phone: null }, note: null },
      overrideAccess: true,
      depth: 0,
      context: JOB_CONTEXT,
    })
  }

  const { docs } = await payload.find({
    collection: 'deletion-requests',
    where: { status: { equals: 'verified' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const request of docs) {
    const email = request.contact?.email
    const erased = await eraseContact(payload, { email, phone: request.contact?.phone })
    await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      // The note may name the person too; once carried out, the request keeps only when and how much.
      data: { status: 'done', processedAt: now.toISOString(), erasedRecords: erased, contact: { email: null, phone: null }, note: null },
      overrideAccess: true,
      depth: 0,
      context: JOB_CONTEXT,
    })
    if (email) await queueMail({ payload }, { kind: 'deletionDone', to: email })
  }
  return docs.length
}
