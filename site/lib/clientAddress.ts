import type { ActionAPIContext } from 'astro:actions'
import type { AsyncLocalStorage } from 'node:async_hooks'

/** What the production entry (scripts/site-server.mjs) knows about the request under way. */
export type RequestContext = { clientAddress: string; requestId: string }

const REQUEST_CONTEXT = Symbol.for('esuko.site.request')

/** The request under way as the production entry resolved it; undefined under `astro dev` and in tests. */
export const currentRequest = (): RequestContext | undefined =>
  ((globalThis as Record<symbol, unknown>)[REQUEST_CONTEXT] as AsyncLocalStorage<RequestContext> | undefined)?.getStore()

/**
 * The address a per-client rule (rate limits, one cheer per day) is keyed on. The production entry resolves it
 * from the socket and, only for a peer in TRUSTED_PROXIES, from X-Forwarded-For (scripts/forwarded.mjs); a
 * forwarded header from anyone else never gets this far. Without that entry (`astro dev`) Astro's own socket
 * address is used.
 */
export function clientAddress(context: Pick<ActionAPIContext, 'clientAddress'>): string | undefined {
  const resolved = currentRequest()?.clientAddress
  if (resolved) return resolved
  try {
    return context.clientAddress
  } catch {
    // Astro throws when the adapter gave no address: one shared bucket, as before.
    return undefined
  }
}
