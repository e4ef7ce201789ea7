import { type HeadlineCounts, headlineCounts } from '../../cms/lib/headlineCounts'
import { payloadClient } from './payload'

export type { HeadlineCounts }

export const getHeadlineCounts = async (): Promise<HeadlineCounts> => headlineCounts(await payloadClient())
