import type { Payload, Where } from 'payload'

import { EDITORS } from '../domain/roles'
import type { DigestSection } from '../mail/templates'
import { INBOX, inboxListUrl } from './moderationInbox'
import { cmsPublicUrl } from './publicUrls'

/**
 * The editors' daily digest: what residents sent on one calendar day in Japan (the moderation inbox's
 * collections, cms/lib/moderationInbox.ts), with how much still waits in each. Counts and titles only — never a
 * nickname or a contact — so the mail carries no personal data. A whole day, not "the last 24 hours": a retried
 * or late run reports exactly the same submissions, and no submission falls between two digests.
 */

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
/** A digest lists this many titles per section; the rest is a count and a link. */
export const DIGEST_TITLES_PER_SECTION = 10

/** The Japan calendar day before `now`, as YYYY-MM-DD. */
export const previousTokyoDay = (now = new Date()): string => new Date(now.getTime() + TOKYO_OFFSET_MS - DAY_MS).toISOString().slice(0, 10)

/** [start, end) of a Japan calendar day (YYYY-MM-DD) as instants. */
export function tokyoDayRange(day: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00.000Z`) - TOKYO_OFFSET_MS)
  return { start, end: new Date(start.getTime() + DAY_MS) }
}

/** 2026-11-28 → 11月28日(土). */
export const tokyoDayLabel = (day: string): string => {
  const { start } = tokyoDayRange(day)
  const weekday = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', weekday: 'short' }).format(start)
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日(${weekday})`
}

export type SubmissionDigest = { day: string; dayLabel: string; total: number; sections: DigestSection[] }

export async function buildSubmissionDigest(payload: Payload, day: string): Promise<SubmissionDigest> {
  const { start, end } = tokyoDayRange(day)
  const admin = `${cmsPublicUrl()}${payload.config.routes.admin}`
  const during: Where = {
    and: [{ createdAt: { greater_than_equal: start.toISOString() } }, { createdAt: { less_than: end.toISOString() } }],
  }

  const sections = await Promise.all(
    INBOX.map(async (item): Promise<DigestSection> => {
      const arrived: Where = { and: [during, ...(item.submitted ? [item.submitted] : [])] }
      const [arrivals, pending] = await Promise.all([
        payload.find({
          collection: item.collection,
          where: arrived,
          select: item.titleField ? { [item.titleField]: true } : { createdAt: true },
          sort: 'createdAt',
          depth: 0,
          limit: item.titleField ? DIGEST_TITLES_PER_SECTION : 1,
          overrideAccess: true,
        }),
        payload.count({ collection: item.collection, where: item.where, overrideAccess: true }),
      ])
      return {
        label: item.label,
        newCount: arrivals.totalDocs,
        pendingCount: pending.totalDocs,
        items: item.titleField
          ? arrivals.docs.map((doc) => ({
              title: String((doc as unknown as Record<string, unknown>)[item.titleField!] ?? '（無題）'),
              url: `${admin}/collections/${item.collection}/${doc.id}`,
            }))
          : [],
        listUrl: inboxListUrl(admin, item.collection, item.where),
      }
    }),
  )
  return { day, dayLabel: tokyoDayLabel(day), total: sections.reduce((sum, s) => sum + s.newCount, 0), sections }
}

/** Who receives the digest: every account with an editor role (cms/domain/roles.ts). */
export async function digestRecipients(payload: Payload): Promise<{ id: number | string }[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: [...EDITORS] } },
    select: { email: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.filter((u) => Boolean(u.email)).map((u) => ({ id: u.id }))
}
