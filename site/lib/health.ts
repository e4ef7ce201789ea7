import { checkHealth, healthResponse } from '../../cms/lib/health'
import { payloadClient } from './payload'

/** This site process's answer to the reverse proxy's health check (cms/lib/health.ts has the rules). */
export const siteHealth = async (): Promise<Response> =>
  healthResponse(await checkHealth(payloadClient, 'site', process.env.PORT ?? process.env.SITE_PORT))
