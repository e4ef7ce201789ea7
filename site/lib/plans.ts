import type { Where } from 'payload'

import type { Plan, SupportOffer } from '../../cms/payload-types'
import { docTag, groupTag } from '../../cms/lib/cacheProtocol'
import { payloadClient } from './payload'
import { cached, LIST_TTL_MS } from './cache'
import { findPreview } from './preview'
import { documentTags } from './references'

export type PlanCard = Pick<Plan, 'id' | 'kind' | 'title' | 'description' | 'town' | 'themes' | 'status' | 'proposerNickname' | 'createdAt'>
export type PlanPage = PlanCard &
  Pick<Plan, 'lifecycle' | 'meta'> & { realisationStory?: { slug?: string | null; title: string } | number | null }
export type PublicOffer = Pick<SupportOffer, 'id' | 'kind' | 'nickname' | 'message' | 'createdAt'>

const cardSelect = {
  kind: true,
  title: true,
  description: true,
  town: true,
  themes: true,
  status: true,
  proposerNickname: true,
  createdAt: true,
} as const

// Access control on: only plans from 公開 on are returned, never the proposer's contact.

async function listPlansUncached({ kind, town, status, page = 1 }: { kind?: string; town?: string; status?: string; page?: number } = {}) {
  const payload = await payloadClient()
  const and: Where[] = []
  if (kind) and.push({ kind: { equals: kind } })
  if (town) and.push({ town: { equals: town } })
  if (status) and.push({ status: { equals: status } })
  const result = await payload.find({
    collection: 'plans',
    where: and.length ? { and } : undefined,
    sort: '-createdAt',
    select: cardSelect,
    depth: 0,
    limit: 12,
    page,
    overrideAccess: false,
  })
  return { ...result, docs: result.docs as PlanCard[] }
}
export const listPlans = cached('plans.listPlans', ['plans'], listPlansUncached, { ttlMs: LIST_TTL_MS })

// What a plan's page shows, for the public read and the staff preview alike.
const planPageRead = {
  select: { ...cardSelect, lifecycle: true, realisationStory: true, meta: true },
  populate: { stories: { title: true, slug: true } },
  depth: 1,
} as const

async function findPlanUncached(id: string): Promise<PlanPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'plans',
    where: { id: { equals: id } },
    ...planPageRead,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as PlanPage | undefined) ?? null
}
// Kept under the plan's own tag (a plan not public yet too: it becomes public by an edit of it) and those of the
// realisation story and the share image populated into the page, so an edit elsewhere leaves its page (and the
// stored copy) alone.
export const findPlan = cached('plans.findPlan', (id: string) => [docTag('plans', id)], findPlanUncached, {
  tagsOf: (plan) => (plan ? documentTags({ stories: [plan.realisationStory], media: [plan.meta?.image] }) : []),
})

/** A plan not yet public (受付, 確認中, …) for a staff preview link; never cached. */
export const previewPlan = (id: string, token: string): Promise<PlanPage | null> =>
  findPreview<PlanPage>('plans', token, { id }, planPageRead)

async function findPublicOffersUncached(planId: number | string): Promise<PublicOffer[]> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'support-offers',
    where: { plan: { equals: planId } },
    sort: '-createdAt',
    select: { kind: true, nickname: true, message: true, createdAt: true },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs as PublicOffer[]
}
/** Approved support offers for a plan: nickname and message only. */
export const findPublicOffers = cached(
  'plans.findPublicOffers',
  (planId: number | string) => [groupTag('support-offers', 'plan', planId)],
  findPublicOffersUncached,
)
