import { type CollectionAdminOptions, headersWithCors, type Endpoint, type PayloadRequest } from 'payload'

import { mayPreview } from '../access/mayPreview'
import type { Id } from '../domain/ids'
import { type PreviewCollection, previewUrl } from '../lib/previewLinks'

/**
 * GET /api/<collection>/:id/preview-url → `{ "url": "<SITE_PUBLIC_URL>/<path>?preview=<token>" }` for the latest
 * version (the draft) of the document, valid for an hour (cms/lib/previewLinks.ts).
 * Anonymous or not allowed (cms/access/mayPreview.ts): 403, asked before the document is read, so the answer says
 * nothing about whether it exists. No such document: 404. A draft without a slug has no page yet: 422.
 * The admin's preview button (`admin.preview` below) builds the same URL on the server.
 */
export const PREVIEW_MESSAGES = {
  forbidden: 'この資料のプレビューを開く権限がありません。',
  notFound: '資料が見つかりません。',
  noPage: 'スラッグ（URL）がまだないため、プレビューできません。スラッグを入力して保存してください。',
} as const

const json = (req: PayloadRequest, status: number, body: unknown) =>
  Response.json(body, { status, headers: headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store' }), req }) })
const error = (req: PayloadRequest, status: number, message: string) => json(req, status, { errors: [{ message }] })

async function latestVersion(req: PayloadRequest, collection: PreviewCollection, id: string) {
  try {
    // Allowed already (mayPreview); access control off so an organisation manager's own unpublished profile is found.
    return await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
  } catch {
    // An id of the wrong shape for the database (e.g. letters on SQLite) names no document.
    return null
  }
}

export const previewUrlEndpoint = (collection: PreviewCollection): Endpoint => ({
  path: '/:id/preview-url',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    if (!id || !mayPreview(req.user, collection, id)) return error(req, 403, PREVIEW_MESSAGES.forbidden)
    const doc = (await latestVersion(req, collection, id)) as { id: Id; slug?: string | null } | null
    if (!doc) return error(req, 404, PREVIEW_MESSAGES.notFound)
    const url = previewUrl(collection, doc)
    return url ? json(req, 200, { url }) : error(req, 422, PREVIEW_MESSAGES.noPage)
  },
})

/** `admin.preview`: the document view's preview button opens the same signed URL (none for someone not allowed). */
export const adminPreview =
  (collection: PreviewCollection): NonNullable<CollectionAdminOptions['preview']> =>
  (doc, { req }) => {
    const id = doc.id as Id | undefined
    if (id === undefined || !mayPreview(req.user, collection, id)) return null
    return previewUrl(collection, { id, slug: typeof doc.slug === 'string' ? doc.slug : null })
  }
