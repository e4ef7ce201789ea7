import type { PayloadRequest, Where } from 'payload'

import type { Participant } from '../payload-types'

import { fiscalYearOf } from './fiscalYear'
import { type Contact, contactHashes } from './contactHash'

export type ParticipationChannel = 'plan' | 'support' | 'event' | 'nomination' | 'citizen' | 'other'

/**
 * Counts a resident once (KPI 3): finds the participant by either contact hash, or creates one. Only
 * hashes are stored here; contact details stay in the record the resident submitted.
 */
export async function registerParticipant(
  req: PayloadRequest,
  contact: Contact,
  channel: ParticipationChannel,
  town?: string | null,
): Promise<void> {
  const hashes = contactHashes(contact)
  if (!hashes.emailHash && !hashes.phoneHash) return
  const or: Where[] = []
  if (hashes.emailHash) or.push({ emailHash: { equals: hashes.emailHash } })
  if (hashes.phoneHash) or.push({ phoneHash: { equals: hashes.phoneHash } })
  const now = new Date()

  const existing = await req.payload.find({ collection: 'participants', where: { or }, limit: 1, depth: 0, req, overrideAccess: true })
  const found = existing.docs[0]
  if (found) {
    await req.payload.update({
      collection: 'participants',
      id: found.id,
      data: {
        lastSeenAt: now.toISOString(),
        participations: (found.participations ?? 1) + 1,
        // A later submission may add the other contact kind, linking both to one person.
        emailHash: found.emailHash ?? hashes.emailHash,
        phoneHash: found.phoneHash ?? hashes.phoneHash,
      },
      depth: 0,
      req,
      overrideAccess: true,
    })
    return
  }
  await req.payload.create({
    collection: 'participants',
    data: {
      ...hashes,
      firstSeenAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      firstChannel: channel,
      firstFiscalYear: fiscalYearOf(now),
      participations: 1,
      town: (town ?? undefined) as Participant['town'],
    },
    depth: 0,
    req,
    overrideAccess: true,
  })
}
