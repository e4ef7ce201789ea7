import config from '@payload-config'
import { getPayload } from 'payload'

import { checkHealth, healthResponse } from '../../../lib/health'

// The reverse proxy's health check for the admin process (deploy/Caddyfile).
export const dynamic = 'force-dynamic'

export const GET = async (): Promise<Response> =>
  healthResponse(await checkHealth(() => getPayload({ config }), 'admin', process.env.CMS_PORT))
