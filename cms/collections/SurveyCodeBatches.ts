import { type CollectionBeforeValidateHook, type CollectionConfig, headersWithCors } from 'payload'

import { isEditor } from '../access/isEditor'
import { hasRole } from '../domain/roles'
import { MAX_CODES_PER_BATCH, newBatchPrefix, surveyCode } from '../kpi/surveyCodes'

/** A new batch gets its random prefix; the prefix of a printed batch never changes. */
const assignBatchPrefix: CollectionBeforeValidateHook = ({ data, operation, originalDoc }) =>
  operation === 'create' ? { ...data, prefix: newBatchPrefix() } : { ...data, prefix: originalDoc?.prefix }

/**
 * A batch of one-time survey codes (cms/kpi/surveyCodes.ts), printed and handed out one per person at an event
 * or counter. The codes are derived from the prefix and never stored; editors download them as CSV.
 */
export const SurveyCodeBatches: CollectionConfig = {
  slug: 'survey-code-batches',
  labels: {
    singular: { ja: 'アンケートコード（配布用）', en: 'Survey code batch' },
    plural: { ja: 'アンケートコード（配布用）', en: 'Survey code batches' },
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'fiscalYear', 'count', 'prefix'],
    group: { ja: '集計', en: 'Reporting' },
    description: {
      ja: 'ウェブアンケートの回答を「1人1回」数えるための使い捨てコードです。保存したあと、/api/survey-code-batches/<ID>/codes.csv から印刷用のコード一覧を取り出し、1人に1枚だけ渡してください。コードのない回答は保存されますが集計には含まれません。',
      en: 'One-time codes: one per person. Print them from /api/survey-code-batches/<id>/codes.csv.',
    },
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeValidate: [assignBatchPrefix] },
  endpoints: [
    {
      path: '/:id/codes.csv',
      method: 'get',
      handler: async (req) => {
        const headers = headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store' }), req })
        if (!hasRole(req.user, 'admin', 'editor'))
          return Response.json(
            { errors: [{ message: 'コードの一覧は編集者だけが取り出せます。' }] },
            { status: req.user ? 403 : 401, headers },
          )
        const batch = await req.payload
          .findByID({
            collection: 'survey-code-batches',
            id: String(req.routeParams?.id ?? ''),
            depth: 0,
            req,
            overrideAccess: false,
            disableErrors: true,
          })
          .catch(() => null)
        if (!batch) return Response.json({ errors: [{ message: 'コードの束が見つかりません。' }] }, { status: 404, headers })
        const rows = [
          '番号,コード,年度',
          ...Array.from({ length: batch.count }, (_, i) => `${i + 1},${surveyCode(batch.prefix!, i + 1)},${batch.fiscalYear}`),
        ]
        headers.set('Content-Type', 'text/csv; charset=utf-8')
        headers.set('Content-Disposition', `attachment; filename="survey-codes-${batch.fiscalYear}-${batch.prefix}.csv"`)
        headers.set('X-Content-Type-Options', 'nosniff')
        return new Response(`\uFEFF${rows.join('\r\n')}\r\n`, { status: 200, headers })
      },
    },
  ],
  fields: [
    {
      name: 'label',
      type: 'text',
      required: true,
      maxLength: 100,
      label: { ja: '配布する場（イベント名・窓口など）', en: 'Where handed out' },
    },
    {
      name: 'fiscalYear',
      type: 'number',
      required: true,
      min: 2020,
      max: 2100,
      label: { ja: '年度（西暦、4月始まり）', en: 'Fiscal year' },
      admin: { description: { ja: 'この年度の回答にだけ使えます。', en: 'Valid for answers of this fiscal year only.' } },
    },
    { name: 'count', type: 'number', required: true, min: 1, max: MAX_CODES_PER_BATCH, label: { ja: 'コードの数', en: 'Number of codes' } },
    {
      name: 'prefix',
      type: 'text',
      unique: true,
      index: true,
      label: { ja: '識別記号', en: 'Prefix' },
      admin: { readOnly: true, position: 'sidebar', description: { ja: '保存時に自動で決まります。', en: 'Set on save.' } },
    },
  ],
}
