/**
 * The public origins residents and staff reach the portal at, for every absolute link the server writes
 * (mails above all). Set in production (README, "Environment"); the defaults are the development servers.
 */
const origin = (value: string | undefined, fallback: string): string => (value?.trim() || fallback).replace(/\/+$/, '')

/** SITE_PUBLIC_URL's origin when it is set and readable, else undefined (the site then uses the request's own). */
export function configuredSiteOrigin(): string | undefined {
  const configured = process.env.SITE_PUBLIC_URL?.trim()
  if (!configured) return undefined
  try {
    return new URL(configured).origin
  } catch {
    // scripts/site-server.mjs refuses to start with a malformed SITE_PUBLIC_URL; in development it is ignored.
    return undefined
  }
}

/** The public site, e.g. https://esuko.example.jp. */
export const sitePublicUrl = (): string =>
  configuredSiteOrigin() ?? origin(undefined, `http://localhost:${process.env.SITE_PORT ?? '4321'}`)

/** The admin, e.g. https://admin.esuko.example.jp (its pages live under /admin). */
export const cmsPublicUrl = (): string => origin(process.env.CMS_PUBLIC_URL, `http://localhost:${process.env.CMS_PORT ?? '3000'}`)
