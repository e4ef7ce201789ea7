import type { CollectionAfterChangeHook } from 'payload'

import { type ParticipationChannel, registerParticipant } from '../lib/registerParticipant'

/** After a resident's submission is stored, counts them in participants (once per person). */
export const countParticipant =
  (channel: ParticipationChannel, contactGroup: string): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const contact = (doc[contactGroup] ?? {}) as { email?: string; phone?: string }
    await registerParticipant(req, contact, channel, doc.town)
    return doc
  }
