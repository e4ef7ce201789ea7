import type { CollectionAfterChangeHook } from 'payload'

import type { ParticipantChannel } from '../domain/submissions'
import { registerParticipant } from '../lib/registerParticipant'

type ContactGroup = { email?: string | null; phone?: string | null }

/**
 * After a resident's submission is stored, counts them in participants (once per person). Added by
 * cms/plugins/sharedBehaviour.ts for each personal group that declares a `participant` channel.
 */
export const countParticipant =
  (channel: ParticipantChannel, contactGroup: string): CollectionAfterChangeHook =>
  async ({ data, doc, operation, req }) => {
    if (operation !== 'create') return doc
    // `doc` has already been through read access, so a resident's own contact group is hidden from
    // them there; `data` is what was stored.
    const stored = (data?.[contactGroup] ?? {}) as ContactGroup
    const returned = (doc[contactGroup] ?? {}) as ContactGroup
    const contact = { email: stored.email ?? returned.email, phone: stored.phone ?? returned.phone }
    // The submission's own time, so imported or back-dated records land in the right fiscal year.
    const at = doc.createdAt ? new Date(doc.createdAt) : undefined
    await registerParticipant(req, contact, channel, data?.town ?? doc.town, at)
    return doc
  }
