import { type HeadlineCounts, headlineCounts } from '../../cms/kpi/headline'
import { cached } from './cache'
import { payloadClient } from './payload'

export type { HeadlineCounts }

export const getHeadlineCounts = cached(
  'counters.getHeadlineCounts',
  ['citizens', 'plans', 'events', 'kpi-tallies'],
  async (): Promise<HeadlineCounts> => headlineCounts(await payloadClient()),
)
