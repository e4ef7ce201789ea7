import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The site's single door to Payload: the Local API, initialised once per process. */
export const payloadClient = (): Promise<Payload> => getPayload({ config })

/** Document types pages and components may name (they never import cms/ themselves). */
export type { Media } from '../../cms/payload-types'
