import { APIError, type CollectionBeforeChangeHook } from 'payload'

export const PLAN_STATUSES = ['received', 'published', 'in_progress', 'realised', 'withdrawn'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

const STAMP: Record<PlanStatus, string> = {
  received: 'receivedAt',
  published: 'publishedAt',
  in_progress: 'startedAt',
  realised: 'realisedAt',
  withdrawn: 'withdrawnAt',
}

// Forward along 受付 → 公開 → 進行中 → 実現; 取り下げ from anywhere before 実現.
const ALLOWED: Record<PlanStatus, PlanStatus[]> = {
  received: ['published', 'in_progress', 'realised', 'withdrawn'],
  published: ['in_progress', 'realised', 'withdrawn'],
  in_progress: ['realised', 'withdrawn'],
  realised: [],
  withdrawn: [],
}

const LABEL: Record<PlanStatus, string> = {
  received: '受付',
  published: '公開',
  in_progress: '進行中',
  realised: '実現',
  withdrawn: '取り下げ',
}

/**
 * Stamps the time of each lifecycle step (skipped steps get the same time) and refuses going back.
 * The stamps belong to this hook: times sent by a resident's form or an editor are ignored; only
 * server code (no user, not the site channel — imports, seed) may bring historical stamps.
 */
export const stampPlanLifecycle: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const from = (operation === 'create' ? undefined : originalDoc?.status) as PlanStatus | undefined
  const to = (data.status ?? from ?? 'received') as PlanStatus
  const trusted = !req.user && req.context?.channel !== 'site'
  const stored = operation === 'create' ? {} : (originalDoc?.lifecycle ?? {})
  const lifecycle = { ...stored, ...(trusted ? (data.lifecycle ?? {}) : {}) }
  const now = new Date().toISOString()

  if (from && from !== to && !ALLOWED[from].includes(to)) {
    throw new APIError(`プランの状態を「${LABEL[from]}」から「${LABEL[to]}」には戻せません。`, 400, null, true)
  }
  if (!lifecycle.receivedAt) lifecycle.receivedAt = now
  if (to !== 'withdrawn') {
    // Reaching a later step implies the earlier ones happened, at the latest now.
    for (const step of PLAN_STATUSES.slice(1, PLAN_STATUSES.indexOf(to) + 1)) {
      if (!lifecycle[STAMP[step]]) lifecycle[STAMP[step]] = now
    }
  } else if (!lifecycle.withdrawnAt) {
    lifecycle.withdrawnAt = now
  }
  return { ...data, status: to, lifecycle }
}
