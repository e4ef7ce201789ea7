import type { TaskConfig } from 'payload'

import { fiscalYearOf } from '../domain/fiscalYear'
import { RECOUNT_BUCKETS_TASK, recountHandedOver, recountTallies } from '../kpi/recountQueue'
import { processDeletionRequests, purgeExpiredContacts } from '../lib/retention'
import { buildSubmissionDigest, digestRecipients, previousTokyoDay } from '../lib/submissionDigest'
import { queueMail } from '../mail/send'

/** Nightly: clear residents' contact details past the retention period (site settings). */
export const purgeExpiredContactsTask: TaskConfig<{ input: Record<string, never>; output: { erased: number } }> = {
  slug: 'purgeExpiredContacts',
  label: '保存期間を過ぎた連絡先の消去',
  schedule: [{ cron: '0 30 3 * * *', queue: 'nightly' }],
  retries: 2,
  handler: async ({ req }) => ({ output: { erased: await purgeExpiredContacts(req.payload) } }),
}

/**
 * Hourly, and queued as soon as a request is confirmed: carry out confirmed deletion requests, expire unconfirmed
 * ones (cms/lib/retention.ts).
 */
export const processDeletionRequestsTask: TaskConfig<{ input: Record<string, never>; output: { processed: number } }> = {
  slug: 'processDeletionRequests',
  label: '削除依頼の処理',
  schedule: [{ cron: '0 0 * * * *', queue: 'nightly' }],
  retries: 2,
  handler: async ({ req }) => ({ output: { processed: await processDeletionRequests(req.payload) } }),
}

/** Nightly: count this year's and last year's KPI tallies again (a safety net for writes that bypassed Payload). */
export const recountKpiTalliesTask: TaskConfig<{ input: Record<string, never>; output: { buckets: number } }> = {
  slug: 'recountKpiTallies',
  label: 'KPI集計の再計算',
  schedule: [{ cron: '0 45 3 * * *', queue: 'nightly' }],
  retries: 2,
  handler: async ({ req }) => {
    const fy = fiscalYearOf(new Date())
    return { output: { buckets: await recountTallies(req.payload, [fy - 1, fy]) } }
  },
}

/**
 * Queued by a site process (cms/kpi/recountQueue.ts) for the buckets a burst of its writes touched: the admin process
 * counts them, so a site process never holds its readers for a recount. Run every second (payload.config.ts).
 */
export const recountKpiBucketsTask: TaskConfig<{ input: { keys: string[] }; output: { buckets: number } }> = {
  slug: RECOUNT_BUCKETS_TASK,
  label: 'KPI集計の再計算（変更分）',
  retries: 2,
  handler: async ({ input, req }) => ({ output: { buckets: await recountHandedOver(req.payload, input.keys) } }),
}

/**
 * Every morning: one digest mail to each editor of what residents sent the day before (Japan time), queued as
 * ordinary mails; nothing when nothing arrived. The day is fixed when the job runs, so a retry reports the same day.
 */
export const queueEditorDigestTask: TaskConfig<{ input: { day?: string }; output: { day: string; queued: number } }> = {
  slug: 'queueEditorDigest',
  label: '編集者への新着ダイジェスト',
  schedule: [{ cron: '0 0 8 * * *', queue: 'nightly' }],
  retries: 2,
  handler: async ({ input, req }) => {
    const day = input?.day && /^\d{4}-\d{2}-\d{2}$/.test(input.day) ? input.day : previousTokyoDay()
    const digest = await buildSubmissionDigest(req.payload, day)
    if (!digest.total) return { output: { day, queued: 0 } }
    const recipients = await digestRecipients(req.payload)
    for (const user of recipients) await queueMail({ payload: req.payload, req }, { kind: 'editorDigest', user: user.id, day })
    return { output: { day, queued: recipients.length } }
  },
}
