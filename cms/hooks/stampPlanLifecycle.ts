import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { PLAN_STATUS_LABEL, PLAN_STATUS_STAMP, PLAN_STATUSES, PLAN_TRANSITIONS, type PlanStatus } from '../domain/plans'

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

  if (from && from !== to && !PLAN_TRANSITIONS[from].includes(to)) {
    throw new APIError(`プランの状態を「${PLAN_STATUS_LABEL[from]}」から「${PLAN_STATUS_LABEL[to]}」には戻せません。`, 400, null, true)
  }
  if (!lifecycle.receivedAt) lifecycle.receivedAt = now
  if (to !== 'withdrawn') {
    // Reaching a later step implies the earlier ones happened, at the latest now.
    for (const step of PLAN_STATUSES.slice(1, PLAN_STATUSES.indexOf(to) + 1)) {
      if (!lifecycle[PLAN_STATUS_STAMP[step]]) lifecycle[PLAN_STATUS_STAMP[step]] = now
    }
  } else if (!lifecycle.withdrawnAt) {
    lifecycle.withdrawnAt = now
  }
  return { ...data, status: to, lifecycle }
}
