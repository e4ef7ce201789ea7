import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { type Contact, contactHashes, normaliseEmail, normalisePhone } from './contactHash'

type Location = { collection: CollectionSlug; group: string; fields: string[]; versions?: boolean }

/** Every place a resident's contact details live, outside esuko citizens' own records. */
export const CONTACT_LOCATIONS: Location[] = [
  { collection: 'plans', group: 'proposerContact', fields: ['email', 'phone'] },
  { collection: 'support-offers', group: 'contact', fields: ['email', 'phone'] },
  { collection: 'event-registrations', group: 'contact', fields: ['email', 'phone', 'accessibilityNeeds'] },
  { collection: 'stories', group: 'submission', fields: ['email', 'phone'], versions: true },
  { collection: 'deletion-requests', group: 'contact', fields: ['email', 'phone'] },
]

const DAY = 24 * 60 * 60 * 1000
const cleared = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, null]))
const hasContact = (loc: Location): Where => ({ or: loc.fields.map((f) => ({ [`${loc.group}.${f}`]: { exists: true } })) })

async function clearDoc(payload: Payload, loc: Location, id: number | string, req?: PayloadRequest) {
  await payload.update({
    collection: loc.collection,
    id,
    data: { [loc.group]: cleared(loc.fields) },
    overrideAccess: true,
    depth: 0,
    req,
    context: { audit: false },
  })
  if (!loc.versions) return
  // Older versions keep a copy of the submission: clear it there too.
  const versions = await payload.findVersions({ collection: loc.collection, where: { parent: { equals: id } }, pagination: false, depth: 0, overrideAccess: true, req })
  for (const v of versions.docs) {
    const version = v.version as unknown as Record<string, unknown>
    await payload.db.updateVersion({
      collection: loc.collection,
      id: v.id,
      versionData: { ...version, [loc.group]: { ...(version[loc.group] as object), ...cleared(loc.fields) } } as never,
      req,
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
      await clearDoc(payload, loc, doc.id)
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
      await payload.update({ collection: 'participants', id: p.id, data: { emailHash: null, phoneHash: null, erased: true }, overrideAccess: true, depth: 0 })
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
