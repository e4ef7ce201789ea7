import type { APIRoute } from 'astro'

import { siteHealth } from '../lib/health'

// The reverse proxy's health check (deploy/Caddyfile); the proxy does not pass /healthz on from outside.
export const GET: APIRoute = () => siteHealth()
