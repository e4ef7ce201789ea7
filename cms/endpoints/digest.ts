import { headersWithCors, type Endpoint, type PayloadRequest } from 'payload'

import { digestAccess } from '../access/digestAccess'
import { parseFiscalYear } from '../domain/fiscalYear'
import { buildDigest, DIGEST_MESSAGES, digestFileName, digestToCsv } from '../lib/digest'

/**
 * GET /api/organisations/:id/digest      → the organisation's feedback digest as JSON
 * GET /api/organisations/:id/digest.csv  → the same as CSV (UTF-8 with BOM, for Excel), as a download
 *
 * Anonymous: 401. Organisation managers: only the organisations on their account (403 otherwise).
 * Editors and admins: any organisation. Optional `?fy=2025` limits it to one fiscal year.
 */

const json = (req: PayloadRequest, status: number, body: unknown) =>
  Response.json(body, { status, headers: headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store' }), req }) })

async function resolve(req: PayloadRequest) {
  const id = String(req.routeParams?.id ?? '')
  const access = digestAccess(req.user, id)
  if (access === 'unauthenticated') return { error: json(req, 401, { errors: [{ message: DIGEST_MESSAGES.unauthenticated }] }) }
  if (access === 'forbidden') return { error: json(req, 403, { errors: [{ message: DIGEST_MESSAGES.forbidden }] }) }
  const digest = await buildDigest(req.payload, id, {
    fiscalYear: parseFiscalYear(req.searchParams?.get('fy') ?? undefined, { anyYear: true }),
  })
  if (!digest) return { error: json(req, 404, { errors: [{ message: DIGEST_MESSAGES.notFound }] }) }
  return { digest }
}

export const digestEndpoints: Endpoint[] = [
  {
    path: '/:id/digest.csv',
    method: 'get',
    handler: async (req) => {
      const { digest, error } = await resolve(req)
      if (error) return error
      const { ascii, utf8 } = digestFileName(digest)
      const headers = headersWithCors({
        headers: new Headers({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        }),
        req,
      })
      return new Response(digestToCsv(digest), { status: 200, headers })
    },
  },
  {
    path: '/:id/digest',
    method: 'get',
    handler: async (req) => {
      const { digest, error } = await resolve(req)
      return error ?? json(req, 200, digest)
    },
  },
]
