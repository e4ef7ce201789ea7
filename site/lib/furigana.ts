import type { AstroCookies } from 'astro'

/**
 * A reader may hide the furigana. The choice is a cookie holding only `off` (no identifier). A request with any cookie
 * never gets the shared page cache's copy (site/lib/pageCache.ts), so the few readers who hide them get pages rendered
 * for them, and everyone else keeps the cached pages, which show furigana.
 */
export const FURIGANA_COOKIE = 'esuko_furigana'
const YEAR_SECONDS = 365 * 24 * 60 * 60

export const furiganaHidden = (cookies: AstroCookies): boolean => cookies.get(FURIGANA_COOKIE)?.value === 'off'

export function setFuriganaShown(cookies: AstroCookies, shown: boolean, secure: boolean): void {
  if (shown) cookies.delete(FURIGANA_COOKIE, { path: '/' })
  else cookies.set(FURIGANA_COOKIE, 'off', { path: '/', maxAge: YEAR_SECONDS, httpOnly: true, sameSite: 'lax', secure })
}

/** Where to send the reader back to: a path on this site, never another origin (an open redirect). */
export function backPath(back: string | null): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.includes('\\')) return '/'
  const url = new URL(back, 'http://site.invalid')
  return url.origin === 'http://site.invalid' ? `${url.pathname}${url.search}` : '/'
}
