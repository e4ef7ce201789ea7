import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { type Contact, contactHashes, normaliseEmail, normalisePhone } from './contactHash'

/**
 * `names`: what else identifies the person in the same record; kept through the retention period (the
 * record needs a name to show), removed when the person asks for deletion. `null` clears a field, a
 * string replaces a required one; `group.` names a field in the contact group.
 */
type Location = { collection: CollectionSlug; group: string; fields: string[]; versions?: boolean; names?: Record<string, null | string> }

const ERASED_NAME = '（削除済み）'

/** Every place a resident's contact details live, outside esuko citizens' own records. */
export const CONTACT_LOCATIONS: Location[] = [
  { collection: 'plans', group: 'proposerContact', fields: ['email', 'phone'], names: { proposerNickname: null } },
  { collection: 'support-offers', group: 'contact', fields: ['email', 'phone'], names: { nickname: ERASED_NAME } },
  { collection: 'event-registrations', group: 'contact', fields: ['email', 'phone', 'accessibilityNeeds'], names: { nickname: ERASED_NAME } },
  { collection: 'stories', group: 'submission', fields: ['email', 'phone'], versions: true, names: { 'group.nickname': null } },
  { collection: 'deletion-requests', group: 'contact', fields: ['email', 'phone'] },
]

const DAY = 24 * 60 * 60 * 1000
const cleared = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, null]))
const hasContact = (loc: Location): Where => ({ or: loc.fields.map((f) => ({ [`${loc.group}.${f}`]: { exists: true } })) })

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

async function clearDoc(payload: Payload, loc: Location, id: number | string, options: { eraseNames?: boolean; req?: PayloadRequest } = {}) {
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
  const main = (await payload.db.findOne({ collection: loc.collection, where: { id: { equals: id } }, req })) as Record<string, unknown> | null
  if (main) await payload.db.updateOne({ collection: loc.collection, id, data: clearing(loc, main, eraseNames), req, returning: false })
  const versions = await payload.findVersions({ collection: loc.collection, where: { parent: { equals: id } }, pagination: false, depth: 0, overrideAccess: true, req })
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
      where: { and: [{ createdAt: { less_than: cutoff } }, hasContact(loc)] },
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
  await payload.update({ collection: 'participants', id, data: { emailHash: null, phoneHash: null, erased: true }, overrideAccess: true, depth: 0 })
}

const matches = (stored: { email?: string | null; phone?: string | null } | undefined, contact: Contact) =>
  Boolean(
    stored &&
      ((contact.email && stored.email && normaliseEmail(stored.email) === normaliseEmail(contact.email)) ||
        (contact.phone && stored.phone && normalisePhone(stored.phone) === normalisePhone(contact.phone))),
  )

/**
 * Removes one person's personal data everywhere it is kept: contact groups, an esuko citizen's private
 * data and public profile, and the participant hashes (the participant stays, unlinkable, so counts hold).
 */
export async function eraseContact(payload: Payload, contact: Contact): Promise<number> {
  let erased = 0
  for (const loc of CONTACT_LOCATIONS) {
    const { docs } = await payload.find({
      collection: loc.collection,
      where: hasContact(loc),
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

  const citizens = await payload.find({
    collection: 'citizens',
    where: { or: [{ 'private.email': { exists: true } }, { 'private.phone': { exists: true } }] },
    select: { private: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const citizen of citizens.docs) {
    if (!matches(citizen.private ?? undefined, contact)) continue
    await payload.update({
      collection: 'citizens',
      id: citizen.id,
      data: {
        displayName: '（削除済み）',
        intro: null,
        interests: null,
        activities: null,
        connectionMethod: null,
        photo: null,
        consent: { publication: false, photo: false },
        private: { legalName: null, email: null, phone: null, birthYear: null, notes: null },
        status: 'paused',
      },
      overrideAccess: true,
      depth: 0,
      context: { audit: false },
    })
    erased++
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

/** Works through received deletion requests: erase, then clear the request's own contact. */
export async function processDeletionRequests(payload: Payload): Promise<number> {
  const { docs } = await payload.find({ collection: 'deletion-requests', where: { status: { equals: 'received' } }, pagination: false, depth: 0, overrideAccess: true })
  for (const request of docs) {
    const erased = await eraseContact(payload, { email: request.contact?.email, phone: request.contact?.phone })
    await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      data: { status: 'done', processedAt: new Date().toISOString(), erasedRecords: erased, contact: { email: null, phone: null } },
      overrideAccess: true,
      depth: 0,
    })
  }
  return docs.length
}
