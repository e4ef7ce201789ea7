import type { Payload, PayloadRequest, Where } from 'payload'

import { fiscalYearOf } from '../domain/fiscalYear'
import { TOWNS, type Town } from '../domain/options'
import type { ParticipantChannel } from '../domain/submissions'
import type { Participant } from '../payload-types'

import { type Contact, contactHashes } from './contactHash'

type Hashes = ReturnType<typeof contactHashes>

// One participant write at a time in this process: a find-then-create or read-modify-write of
// `participations` would otherwise interleave when the same person submits twice at once.
let queue: Promise<unknown> = Promise.resolve()
const serialised = <T>(task: () => Promise<T>): Promise<T> => {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

// The participant is counted outside the submission's transaction (no `req`): a write conflict on the
// unique hashes must never abort, or roll back, the resident's submission itself.
const findMatches = async (payload: Payload, hashes: Hashes): Promise<Participant[]> => {
  const or: Where[] = []
  if (hashes.emailHash) or.push({ emailHash: { equals: hashes.emailHash } })
  if (hashes.phoneHash) or.push({ phoneHash: { equals: hashes.phoneHash } })
  const { docs } = await payload.find({
    collection: 'participants',
    where: { or },
    sort: 'firstSeenAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

/** Two participants are the same person when no hash kind holds two different values between them. */
const compatible = (a: Participant, b: Participant) =>
  (!a.emailHash || !b.emailHash || a.emailHash === b.emailHash) && (!a.phoneHash || !b.phoneHash || a.phoneHash === b.phoneHash)

async function recordAgain(payload: Payload, found: Participant[], hashes: Hashes, now: Date): Promise<void> {
  const [keep, ...rest] = found
  // A submission carrying both an email and a phone can show that two participants are one person:
  // merge them into the earliest (its first participation is the one KPI 3 counts).
  const merged = rest.filter((p) => compatible(keep, p))
  const emailHash = keep.emailHash ?? merged.find((p) => p.emailHash)?.emailHash ?? hashes.emailHash
  const phoneHash = keep.phoneHash ?? merged.find((p) => p.phoneHash)?.phoneHash ?? hashes.phoneHash
  // A hash already held by a participant we do not merge stays with that participant.
  const heldElsewhere = (kind: 'emailHash' | 'phoneHash', value: string | null | undefined) =>
    rest.some((p) => !merged.includes(p) && p[kind] === value)
  for (const p of merged) await payload.delete({ collection: 'participants', id: p.id, overrideAccess: true, depth: 0 })
  await payload.update({
    collection: 'participants',
    id: keep.id,
    data: {
      lastSeenAt: now.toISOString(),
      participations: merged.reduce((sum, p) => sum + (p.participations ?? 1), keep.participations ?? 1) + 1,
      // A later submission may add the other contact kind, linking both to one person.
      ...(emailHash && !heldElsewhere('emailHash', emailHash) ? { emailHash } : {}),
      ...(phoneHash && !heldElsewhere('phoneHash', phoneHash) ? { phoneHash } : {}),
    },
    depth: 0,
    overrideAccess: true,
  })
}

/**
 * Counts a resident once (KPI 3): finds the participant by either contact hash, or creates one. Only
 * hashes are stored here; contact details stay in the record the resident submitted.
 */
export async function registerParticipant(
  req: PayloadRequest,
  contact: Contact,
  channel: ParticipantChannel,
  town?: string | null,
  /** When the resident took part (the submission's creation time); defaults to now. */
  at?: Date,
): Promise<void> {
  const hashes = contactHashes(contact)
  if (!hashes.emailHash && !hashes.phoneHash) return
  const { payload } = req
  // Event registrations also allow "outside the city", which is not one of the participants' towns.
  const participantTown = TOWNS.includes(town as Town) ? (town as Town) : undefined

  await serialised(async () => {
    for (let attempt = 1; ; attempt++) {
      const now = at ?? new Date()
      const found = await findMatches(payload, hashes)
      if (found.length) return recordAgain(payload, found, hashes, now)
      try {
        await payload.create({
          collection: 'participants',
          data: {
            ...hashes,
            firstSeenAt: now.toISOString(),
            lastSeenAt: now.toISOString(),
            firstChannel: channel,
            firstFiscalYear: fiscalYearOf(now),
            participations: 1,
            town: participantTown,
          },
          depth: 0,
          overrideAccess: true,
        })
        return
      } catch (error) {
        // Another process created this person between our find and create (unique hash): count against theirs.
        if (attempt >= 3) throw error
      }
    }
  })
}
