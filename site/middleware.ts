import { defineMiddleware } from 'astro:middleware'

import { cachedPage, markActedReader } from './lib/pageCache'
import { applySecurityHeaders } from './lib/securityHeaders'

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/**
 * Every public action accepts a form. Astro would parse any other body itself before our code runs, and a
 * broken JSON body would end as a 500: refuse such a request here, in Japanese, before it gets that far.
 */
function refuseNonFormAction(request: Request, url: URL): Response | undefined {
  if (request.method !== 'POST' || !(url.searchParams.has('_action') || url.pathname.startsWith('/_actions/'))) return undefined
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (FORM_TYPES.has(type)) return undefined
  return new Response('送信内容を読み取れませんでした。ページを開き直してから、フォームからもう一度送信してください。', {
    status: 415,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** Security headers on every response; the CSP only in production (the dev server injects its own scripts). */
export const onRequest = defineMiddleware(async (context, next) => {
  // Page cache, ETag, compression and the cache-invalidation endpoint: site/lib/pageCache.ts.
  const response = refuseNonFormAction(context.request, context.url) ?? (await cachedPage(context, next))
  const https = context.url.protocol === 'https:' || context.request.headers.get('x-forwarded-proto') === 'https'
  applySecurityHeaders(response.headers, https, import.meta.env.PROD)
  markActedReader(context.request, context.url, response, https)
  return response
})
