import type { Payload } from 'payload'

export type HeadlineCounts = {
  citizens: number
  plans: number
  realised: number
  organisations: number
}

const idOf = (value: unknown): string => String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * The four headline figures on the home page, counted from the data. Aggregates only: access control is
 * off (a citizen without publication consent still counts) and no document content leaves this function.
 */
export async function headlineCounts(payload: Payload): Promise<HeadlineCounts> {
  const [citizens, plans, realised, meetings] = await Promise.all([
    payload.count({ collection: 'citizens', where: { status: { in: ['registered', 'paused'] } } }),
    payload.count({ collection: 'plans', where: { status: { in: ['published', 'in_progress', 'realised'] } } }),
    payload.count({ collection: 'plans', where: { status: { equals: 'realised' } } }),
    payload.find({
      collection: 'events',
      where: { and: [{ kind: { equals: 'kaigi' } }, { _status: { equals: 'published' } }, { cancelled: { not_equals: true } }] },
      select: { participatingOrganisations: true },
      depth: 0,
      pagination: false,
    }),
  ])
  const organisations = new Set(meetings.docs.flatMap((e) => (e.participatingOrganisations ?? []).map(idOf)))
  return { citizens: citizens.totalDocs, plans: plans.totalDocs, realised: realised.totalDocs, organisations: organisations.size }
}
