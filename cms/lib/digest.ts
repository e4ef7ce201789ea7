import type { Payload, Where } from 'payload'

import { CONNECTION_ORIGIN_LABEL } from '../domain/connections'
import { fiscalYearRange, reiwaLabel } from '../domain/fiscalYear'
import { type Id, idOf, sameId } from '../domain/ids'
import { labelsJa } from '../domain/options'
import { PLAN_KIND_LABEL, PLAN_STATUS_LABEL, publicPlanWhere } from '../domain/plans'
import { isEditorUser, managedOrganisationIds, type UserLike } from '../domain/roles'
import { APPROVED_SUPPORT_OFFER, SUPPORT_OFFER_KIND_OPTIONS, SUPPORT_OFFER_STATUS_OPTIONS } from '../domain/submissions'
import { sitePublicUrl } from './publicUrls'

/**
 * The feedback digest of one organisation: what happened around it, for the organisation itself.
 *
 * - stories linked to it (stories.organisations) or in its town,
 * - plans in its town, or linked to it through a connection (connections.withOrganisation + plan) or one
 *   of its support offers,
 * - the support offers it made (support-offers.organisation),
 * - the connections made with it (connections.withOrganisation), without the people.
 *
 * Only what has passed moderation (published stories, public plans, approved offers), so an editor who
 * opens an organisation's digest sees exactly what the organisation sees. Every query selects its fields
 * explicitly: no contact group, private field or person (citizen, submitter, proposer, recorder) is ever
 * read, so none can end up in the view or the CSV. Used by the admin view and the REST endpoints alike.
 */

// Who may read a digest: cms/access/digestAccess.ts and cms/access/canUseDigest.ts.

export const DIGEST_MESSAGES = {
  unauthenticated: 'ログインしてください。団体のフィードバックを見るには、管理画面へのログインが必要です。',
  forbidden: 'この団体のフィードバックを見る権限がありません。',
  notFound: '団体が見つかりません。',
} as const

export type DigestOrganisation = { id: Id; name: string; town: string | null; district: string | null }

/** The organisations the user may pick in the digest view: all for editors, their own for managers. */
export async function digestOrganisations(payload: Payload, user: UserLike): Promise<DigestOrganisation[]> {
  const editor = isEditorUser(user)
  const ids = managedOrganisationIds(user)
  if (!editor && !ids.length) return []
  const { docs } = await payload.find({
    collection: 'organisations',
    where: editor ? undefined : { id: { in: ids } },
    select: { name: true, town: true, district: true },
    sort: 'name',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((o) => ({ id: o.id, name: o.name, town: o.town ?? null, district: o.district ?? null }))
}

export type StoryReason = 'organisation' | 'town'
export type PlanReason = 'town' | 'connection' | 'support'

export type DigestStory = {
  id: Id
  title: string
  lead: string | null
  town: string | null
  publishedAt: string | null
  url: string | null
  reasons: StoryReason[]
}
export type DigestPlan = {
  id: Id
  title: string
  kind: string
  status: string
  town: string | null
  publishedAt: string | null
  realisedAt: string | null
  url: string
  reasons: PlanReason[]
}
export type DigestSupportOffer = {
  id: Id
  kind: string
  message: string | null
  createdAt: string
  plan: { id: Id; title: string } | null
}
export type DigestConnection = {
  id: Id
  connectedAt: string
  origin: string
  town: string | null
  plan: { id: Id; title: string } | null
}

export type Digest = {
  organisation: DigestOrganisation
  fiscalYear: number | null
  period: string
  generatedAt: string
  stories: DigestStory[]
  plans: DigestPlan[]
  supportOffers: DigestSupportOffer[]
  connections: DigestConnection[]
}

/** A digest is a summary, not an export of the database: each section stops here. */
export const DIGEST_SECTION_LIMIT = 500

/** Route ids arrive as strings; SQLite ids are numbers. */
export const normaliseId = (payload: Payload, id: Id): Id =>
  payload.db.defaultIDType === 'number' && /^\d+$/.test(String(id)) ? Number(id) : String(id)

const during = (field: string, fiscalYear: number | null): Where[] => {
  if (fiscalYear === null) return []
  const { start, end } = fiscalYearRange(fiscalYear)
  return [{ [field]: { greater_than_equal: start.toISOString() } }, { [field]: { less_than: end.toISOString() } }]
}

/** The digest of one organisation, or null when it does not exist. Authorisation is the caller's (digestAccess). */
export async function buildDigest(
  payload: Payload,
  organisationId: Id,
  { fiscalYear = null, now = new Date() }: { fiscalYear?: number | null; now?: Date } = {},
): Promise<Digest | null> {
  const orgId = normaliseId(payload, organisationId)
  const found = await payload.find({
    collection: 'organisations',
    where: { id: { equals: orgId } },
    select: { name: true, town: true, district: true },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const org = found.docs[0]
  if (!org) return null
  const town = org.town ?? null
  const common = { depth: 0, limit: DIGEST_SECTION_LIMIT, overrideAccess: true } as const

  const [connections, supportOffers, stories] = await Promise.all([
    payload.find({
      collection: 'connections',
      where: { and: [{ withOrganisation: { equals: orgId } }, ...during('connectedAt', fiscalYear)] },
      select: { connectedAt: true, origin: true, town: true, plan: true },
      sort: '-connectedAt',
      ...common,
    }),
    payload.find({
      collection: 'support-offers',
      where: {
        and: [{ organisation: { equals: orgId } }, { status: { equals: APPROVED_SUPPORT_OFFER } }, ...during('createdAt', fiscalYear)],
      },
      select: { kind: true, message: true, plan: true, createdAt: true },
      sort: '-createdAt',
      ...common,
    }),
    payload.find({
      collection: 'stories',
      where: {
        and: [
          { _status: { equals: 'published' } },
          { or: [{ organisations: { in: [orgId] } }, ...(town ? [{ town: { equals: town } }] : [])] },
          ...during('publishedAt', fiscalYear),
        ],
      },
      select: { title: true, slug: true, lead: true, town: true, publishedAt: true, organisations: true },
      sort: '-publishedAt',
      ...common,
    }),
  ])

  const viaConnection = new Set(
    connections.docs
      .map((c) => idOf(c.plan))
      .filter((id) => id !== null)
      .map(String),
  )
  const viaSupport = new Set(
    supportOffers.docs
      .map((o) => idOf(o.plan))
      .filter((id) => id !== null)
      .map(String),
  )
  const linkedPlanIds = [...new Set([...viaConnection, ...viaSupport])].map((id) => normaliseId(payload, id))

  const planMatches: Where[] = [
    ...(town ? [{ town: { equals: town } }] : []),
    ...(linkedPlanIds.length ? [{ id: { in: linkedPlanIds } }] : []),
  ]
  const plans = !planMatches.length
    ? { docs: [] }
    : await payload.find({
        collection: 'plans',
        where: {
          and: [
            publicPlanWhere(),
            { or: planMatches },
            // Linked plans count whenever they were made public; town plans only within the period.
            ...(fiscalYear === null
              ? []
              : [
                  {
                    or: [
                      { and: during('lifecycle.publishedAt', fiscalYear) },
                      ...(linkedPlanIds.length ? [{ id: { in: linkedPlanIds } }] : []),
                    ],
                  },
                ]),
          ],
        },
        select: { title: true, kind: true, status: true, town: true, lifecycle: { publishedAt: true, realisedAt: true } },
        sort: '-lifecycle.publishedAt',
        ...common,
      })
  const planTitles = new Map(plans.docs.map((p) => [String(p.id), p.title]))

  // Plans referenced by connections or offers but not public are shown without a title.
  const planRef = (value: unknown) => {
    const id = idOf(value)
    if (id === null) return null
    const title = planTitles.get(String(id))
    return title === undefined ? null : { id, title }
  }

  const base = sitePublicUrl()
  return {
    organisation: { id: org.id, name: org.name, town, district: org.district ?? null },
    fiscalYear,
    period: fiscalYear === null ? '全期間' : reiwaLabel(fiscalYear),
    generatedAt: now.toISOString(),
    stories: stories.docs.map((s) => {
      const reasons: StoryReason[] = []
      if ((s.organisations ?? []).some((o) => sameId(o, orgId))) reasons.push('organisation')
      if (town && s.town === town) reasons.push('town')
      return {
        id: s.id,
        title: s.title,
        lead: s.lead ?? null,
        town: s.town ?? null,
        publishedAt: s.publishedAt ?? null,
        url: s.slug ? `${base}/stories/${encodeURIComponent(s.slug)}` : null,
        reasons,
      }
    }),
    plans: plans.docs.map((p) => {
      const reasons: PlanReason[] = []
      if (town && p.town === town) reasons.push('town')
      if (viaConnection.has(String(p.id))) reasons.push('connection')
      if (viaSupport.has(String(p.id))) reasons.push('support')
      return {
        id: p.id,
        title: p.title,
        kind: p.kind,
        status: p.status,
        town: p.town ?? null,
        publishedAt: p.lifecycle?.publishedAt ?? null,
        realisedAt: p.lifecycle?.realisedAt ?? null,
        url: `${base}/plans/${encodeURIComponent(String(p.id))}`,
        reasons,
      }
    }),
    supportOffers: supportOffers.docs.map((o) => ({
      id: o.id,
      kind: o.kind,
      message: o.message ?? null,
      createdAt: o.createdAt,
      plan: planRef(o.plan),
    })),
    connections: connections.docs.map((c) => ({
      id: c.id,
      connectedAt: c.connectedAt,
      origin: c.origin,
      town: c.town ?? null,
      plan: planRef(c.plan),
    })),
  }
}

// ---------------------------------------------------------------------------------------------------
// Labels (the view and the CSV speak Japanese)

const labelFrom = (labels: Record<string, string>) => (value: string | null | undefined) =>
  (value && Object.hasOwn(labels, value) ? labels[value] : value) ?? ''

export const planKindLabel = labelFrom(PLAN_KIND_LABEL)
export const planStatusLabel = labelFrom(PLAN_STATUS_LABEL)
export const connectionOriginLabel = labelFrom(CONNECTION_ORIGIN_LABEL)
export const offerKindLabel = labelFrom(labelsJa(SUPPORT_OFFER_KIND_OPTIONS))
/** Only approved offers reach a digest. */
const APPROVED_OFFER_LABEL = labelsJa(SUPPORT_OFFER_STATUS_OPTIONS)[APPROVED_SUPPORT_OFFER]
export const STORY_REASON_LABELS: Record<StoryReason, string> = { organisation: '団体が関わった', town: '同じ町' }
export const PLAN_REASON_LABELS: Record<PlanReason, string> = { town: '同じ町', connection: 'つながりから', support: '応援の申し出から' }

/** yyyy/mm/dd in Japan time, or '' for no date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

// ---------------------------------------------------------------------------------------------------
// CSV

export const DIGEST_CSV_HEADERS = ['区分', '関わり', 'タイトル・内容', '種類', '状態', '町', '日付', '関連プラン', '公開ページ'] as const

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The digest as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, Japanese headers. */
export function digestToCsv(digest: Digest): string {
  const rows: (string | null)[][] = [[...DIGEST_CSV_HEADERS]]
  for (const s of digest.stories) {
    rows.push([
      'ストーリー',
      s.reasons.map((r) => STORY_REASON_LABELS[r]).join('・'),
      s.title,
      '',
      '公開',
      s.town,
      formatDate(s.publishedAt),
      '',
      s.url,
    ])
  }
  for (const p of digest.plans) {
    rows.push([
      'プラン',
      p.reasons.map((r) => PLAN_REASON_LABELS[r]).join('・'),
      p.title,
      planKindLabel(p.kind),
      planStatusLabel(p.status),
      p.town,
      formatDate(p.realisedAt ?? p.publishedAt),
      '',
      p.url,
    ])
  }
  for (const o of digest.supportOffers) {
    rows.push([
      '応援の申し出',
      '団体として申し出',
      o.message,
      offerKindLabel(o.kind),
      APPROVED_OFFER_LABEL,
      '',
      formatDate(o.createdAt),
      o.plan?.title ?? '',
      '',
    ])
  }
  for (const c of digest.connections) {
    rows.push([
      'つながり',
      '団体とのつながり',
      '',
      connectionOriginLabel(c.origin),
      '',
      c.town,
      formatDate(c.connectedAt),
      c.plan?.title ?? '',
      '',
    ])
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/** An ASCII-safe file name plus the RFC 5987 UTF-8 one, for Content-Disposition. */
export function digestFileName(digest: Digest): { ascii: string; utf8: string } {
  const stamp = digest.generatedAt.slice(0, 10)
  const period = digest.fiscalYear === null ? 'all' : `fy${digest.fiscalYear}`
  return {
    ascii: `esuko-digest-${digest.organisation.id}-${period}-${stamp}.csv`,
    utf8: `えすこフィードバック_${digest.organisation.name}_${digest.period}_${stamp}.csv`,
  }
}
