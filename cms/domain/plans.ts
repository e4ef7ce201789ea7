import type { Where } from 'payload'

import { defineOptions, labelsJa } from './options'

/**
 * ウエルビーイングプラン: kinds, statuses and the two predicates every count and page uses.
 * A plan is *public* once published and until withdrawn; it is *realised* when its status is 実現,
 * dated by `lifecycle.realisedAt` (stamped by cms/hooks/stampPlanLifecycle.ts when the status is reached).
 */
export const PLAN_KIND_OPTIONS = defineOptions([
  { value: 'want_to_try', label: { ja: 'やってみたい', en: 'I want to try' } },
  { value: 'challenge', label: { ja: '挑戦したい', en: 'I want to take on' } },
  { value: 'use_skill', label: { ja: '得意を活かしたい', en: 'I want to use what I’m good at' } },
])
export type PlanKind = (typeof PLAN_KIND_OPTIONS)[number]['value']
export const PLAN_KINDS: PlanKind[] = PLAN_KIND_OPTIONS.map((o) => o.value)
export const PLAN_KIND_LABEL = labelsJa<PlanKind>(PLAN_KIND_OPTIONS)
/** What each kind means, for the resident choosing one. */
export const PLAN_KIND_HINT: Record<PlanKind, string> = {
  want_to_try: '初めてのことに取り組みたい',
  challenge: '少し大きな目標に挑みたい',
  use_skill: '自分の得意で誰かの役に立ちたい',
}

/** In lifecycle order: 受付 → 公開 → 進行中 → 実現, and 取り下げ from any step before 実現. */
export const PLAN_STATUS_OPTIONS = defineOptions([
  { value: 'received', label: { ja: '受付', en: 'Received' } },
  { value: 'published', label: { ja: '公開', en: 'Published' } },
  { value: 'in_progress', label: { ja: '進行中', en: 'In progress' } },
  { value: 'realised', label: { ja: '実現', en: 'Realised' } },
  { value: 'withdrawn', label: { ja: '取り下げ', en: 'Withdrawn' } },
])
export type PlanStatus = (typeof PLAN_STATUS_OPTIONS)[number]['value']
export const PLAN_STATUSES: PlanStatus[] = PLAN_STATUS_OPTIONS.map((o) => o.value)
/** Staff's word for each status (admin, errors). */
export const PLAN_STATUS_LABEL = labelsJa<PlanStatus>(PLAN_STATUS_OPTIONS)
/** Residents' word: on the site a published plan is looking for companions (募集中). */
export const PLAN_STATUS_PUBLIC_LABEL: Record<PlanStatus, string> = { ...PLAN_STATUS_LABEL, published: '募集中' }

/** The lifecycle stamp each status sets. */
export const PLAN_STATUS_STAMP = {
  received: 'receivedAt',
  published: 'publishedAt',
  in_progress: 'startedAt',
  realised: 'realisedAt',
  withdrawn: 'withdrawnAt',
} as const satisfies Record<PlanStatus, string>
export type PlanStamp = (typeof PLAN_STATUS_STAMP)[PlanStatus]

/** Allowed moves: forward only; 取り下げ from anywhere before 実現. */
export const PLAN_TRANSITIONS: Record<PlanStatus, PlanStatus[]> = {
  received: ['published', 'in_progress', 'realised', 'withdrawn'],
  published: ['in_progress', 'realised', 'withdrawn'],
  in_progress: ['realised', 'withdrawn'],
  realised: [],
  withdrawn: [],
}

/** Statuses residents may see (and that count as accumulated for KPI 4). */
export const PUBLIC_PLAN_STATUSES: PlanStatus[] = ['published', 'in_progress', 'realised']
export const REALISED_PLAN_STATUS: PlanStatus = 'realised'

export const isPublicPlan = (plan: { status?: string | null } | null | undefined): boolean =>
  PUBLIC_PLAN_STATUSES.includes(plan?.status as PlanStatus)
export const isRealised = (plan: { status?: string | null } | null | undefined): boolean => plan?.status === REALISED_PLAN_STATUS

export const publicPlanWhere = (): Where => ({ status: { in: PUBLIC_PLAN_STATUSES } })
export const realisedPlanWhere = (): Where => ({ status: { equals: REALISED_PLAN_STATUS } })
