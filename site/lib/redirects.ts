import type { AstroGlobal } from 'astro'

import { LIST_PAGE, type RedirectedCollection, isRedirectedCollection, normalisePath } from '../../cms/domain/redirects'
import { cached } from './cache'
import { payloadClient } from './payload'

export type MovedOrGone = { to: string | null; gone: boolean }

async function findRedirectUncached(path: string): Promise<MovedOrGone | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'redirects',
    where: { from: { equals: path } },
    select: { to: true, gone: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  const found = docs[0]
  return found ? { to: found.to ?? null, gone: Boolean(found.gone) } : null
}
/** Where an old address went (`to`), or that its page was withdrawn (`gone`); null when it never existed. */
export const findRedirect = cached('redirects.findRedirect', ['redirects'], findRedirectUncached)

/** The list page a withdrawn page of this kind links back to, or null for an unknown kind. */
export const listPageOf = (kind: string): { path: string; label: string } | null => (isRedirectedCollection(kind) ? LIST_PAGE[kind] : null)

/**
 * A page at `/<collection>/<slug>` that no published document has: 301 to where it moved, the 410 page when it
 * was withdrawn (its title or name is not shown, only the kind), else 404. The target of a 301 is checked again
 * by its own page, so it never shows what the public may not see.
 */
export async function answerMissingPage(
  astro: Pick<AstroGlobal, 'url' | 'redirect' | 'rewrite'>,
  collection: RedirectedCollection,
): Promise<Response> {
  const found = await findRedirect(normalisePath(astro.url.pathname))
  if (found?.to && !found.gone) return astro.redirect(`${found.to}${astro.url.search}`, 301)
  if (found?.gone) return astro.rewrite(`/gone/${collection}`)
  return new Response(null, { status: 404 })
}
