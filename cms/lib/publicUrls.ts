/**
 * The public origins residents and staff reach the portal at, for every absolute link the server writes
 * (mails above all). Set in production (README, "Environment"); the defaults are the development servers.
 */
const origin = (value: string | undefined, fallback: string): string => (value?.trim() || fallback).replace(/\/+$/, '')

/** The public site, e.g. https://esuko.example.jp. */
export const sitePublicUrl = (): string => origin(process.env.SITE_PUBLIC_URL, `http://localhost:${process.env.SITE_PORT ?? '4321'}`)

/** The admin, e.g. https://admin.esuko.example.jp (its pages live under /admin). */
export const cmsPublicUrl = (): string => origin(process.env.CMS_PUBLIC_URL, `http://localhost:${process.env.CMS_PORT ?? '3000'}`)
