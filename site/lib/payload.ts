import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { noteDirectRead } from './cache'

/**
 * The site's single door to Payload: the Local API, initialised once per process. A page that reads through it
 * outside a cached finder is kept by the page cache only until the next invalidation of any kind.
 */
export const payloadClient = (): Promise<Payload> => {
  noteDirectRead()
  return getPayload({ config })
}

/** Document types pages and components may name (they never import cms/ themselves). */
export type { Media } from '../../cms/payload-types'
