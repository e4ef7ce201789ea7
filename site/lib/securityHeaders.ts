// Headers every public page carries. One list, used by the middleware and by the page cache's fast path
// (site/lib/pageCache.ts), so a page served from memory is byte-for-byte the page Astro would have sent.

// No inline script or style anywhere on the public site, so the policy can forbid both.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

export const HSTS = 'max-age=31536000; includeSubDomains'

/** Sets the security headers; the CSP only in production (the dev server injects its own scripts). */
export function applySecurityHeaders(headers: Headers, https: boolean, production: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value)
  if (production) headers.set('Content-Security-Policy', CSP)
  if (https) headers.set('Strict-Transport-Security', HSTS)
}
