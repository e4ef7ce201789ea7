import { type HeadlineCounts, organisationCount, peopleAndPlanCounts } from '../../cms/kpi/headline'
import { tallyTag } from '../../cms/lib/cacheProtocol'
import { cached, LIST_TTL_MS } from './cache'
import { payloadClient } from './payload'

export type { HeadlineCounts }

// Cached apart: the counts over 100,000 stories' worth of citizens and plans are the slow part (35–61 ms at scale 10),
// and they need not be read again when only the meeting tallies (or, before, any tally: every cheer batch) change.
const getPeopleAndPlanCounts = cached(
  'counters.peopleAndPlans',
  ['citizens', 'plans'],
  async () => peopleAndPlanCounts(await payloadClient()),
  {
    ttlMs: LIST_TTL_MS,
  },
)
// Events: time decides which meetings have been held, and a meeting's edit recounts its tally.
const getOrganisationCount = cached(
  'counters.organisations',
  ['events', tallyTag('meetings')],
  async () => organisationCount(await payloadClient()),
  {
    ttlMs: LIST_TTL_MS,
  },
)

export const getHeadlineCounts = async (): Promise<HeadlineCounts> => {
  const [counts, organisations] = await Promise.all([getPeopleAndPlanCounts(), getOrganisationCount()])
  return { ...counts, organisations }
}
