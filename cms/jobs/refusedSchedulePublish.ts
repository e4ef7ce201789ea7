import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { CONSENT_SUBJECTS, type ConsentSubject, consentProblems } from '../domain/consent'
import { reviewRefusal } from '../domain/submissions'
import { writeEntry } from '../hooks/audit'
import { consentFactsOf } from '../hooks/enforcePublicationConsent'

type ScheduleInput = { type?: string; doc?: { relationTo: string; value: string | number } }

/**
 * A scheduled publish (Payload's `schedulePublish` job) goes through the same hooks as a click, so a story
 * without consent or review fails there and stays unpublished. The job's own log is easy to miss: the reason is
 * also written to the audit log (操作履歴, 「予約公開の中止」), recomputed from the document as it stands.
 */
type OnFail = NonNullable<TaskConfig['onFail']>

const recordRefusal: OnFail = async ({ input, req }) => {
  const { type, doc: target } = (input ?? {}) as ScheduleInput
  if ((type && type !== 'publish') || !target) return
  const subject = target.relationTo as ConsentSubject
  const collection = req.payload.collections[target.relationTo as ConsentSubject]
  const idType = collection?.customIDType ?? req.payload.db.defaultIDType
  const id = idType === 'number' ? Number(target.value) : target.value
  const doc = await req.payload
    .findByID({ collection: subject, id, draft: true, depth: 0, overrideAccess: true, req, context: { audit: false } })
    .catch(() => null)
  const reasons: string[] = []
  if (doc && CONSENT_SUBJECTS.includes(subject)) {
    const asPublished = { ...doc, _status: 'published' } as Record<string, unknown>
    if (subject === 'stories') {
      const refusal = reviewRefusal(asPublished as { origin?: string; reviewStatus?: string })
      if (refusal) reasons.push(refusal)
    }
    reasons.push(...consentProblems(subject, asPublished, await consentFactsOf(subject, asPublished, req)))
  }
  const asSchedule = { ...req, context: { ...req.context, channel: 'schedule' } } as PayloadRequest
  await writeEntry(asSchedule, {
    action: 'publish_refused',
    collection: target.relationTo,
    docId: id,
    summary: reasons.length ? reasons.join(' ') : '予約公開に失敗しました（理由はジョブの記録を見てください）。',
  })
}

/** Hangs the refusal record on Payload's built-in task (added by Payload itself, so after the config is built). */
export function recordRefusedSchedulePublish(payload: Payload): void {
  const task = payload.config.jobs.tasks?.find((t) => t.slug === 'schedulePublish')
  if (task) task.onFail = recordRefusal
}
