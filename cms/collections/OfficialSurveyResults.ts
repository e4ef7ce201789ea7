import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { FIRST_FISCAL_YEAR } from '../domain/fiscalYear'

/**
 * KPI 1 as the contract means it: the city's own resident survey (市民意識調査), one official result per fiscal
 * year, entered by editors from the published report. KPI 1 on every page, in the open data and the printed
 * report is computed from these (cms/kpi/report.ts); the portal's web survey is only a supplementary indicator.
 * The figures are public.
 */
export const OfficialSurveyResults: CollectionConfig = {
  slug: 'official-survey-results',
  labels: {
    singular: { ja: '市民意識調査の結果（KPI1）', en: 'Official survey result' },
    plural: { ja: '市民意識調査の結果（KPI1）', en: 'Official survey results' },
  },
  admin: {
    useAsTitle: 'source',
    defaultColumns: ['fiscalYear', 'share', 'sampleSize', 'source', 'surveyDate'],
    group: { ja: '集計', en: 'Reporting' },
    description: {
      ja: 'KPI1「助け合える地域だと感じる市民の割合」は、ここに記録した市の調査結果から計算します。最初に記録した年度が基準値、各年度の値は直前に記録した結果からの増加（ポイント）です。',
      en: 'KPI 1 is computed from these results: the first recorded year is the baseline; each year reports the change from the previous result in points.',
    },
  },
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'fiscalYear',
      type: 'number',
      required: true,
      unique: true,
      index: true,
      min: FIRST_FISCAL_YEAR - 10,
      max: 2100,
      label: { ja: '年度（西暦、4月始まり）', en: 'Fiscal year' },
      admin: { description: { ja: '調査結果が表す年度です。1年度に1件だけ記録できます。', en: 'One result per fiscal year.' } },
    },
    {
      name: 'share',
      type: 'number',
      required: true,
      min: 0,
      max: 100,
      label: { ja: '助け合える地域だと感じる市民の割合（%）', en: 'Share (%)' },
      admin: {
        step: 0.01,
        description: { ja: '報告書に載っている割合を、%の数値で入力します（例：45.3）。', en: 'As published, in percent.' },
      },
    },
    {
      name: 'sampleSize',
      type: 'number',
      required: true,
      min: 1,
      label: { ja: '有効回答数（人）', en: 'Sample size' },
      validate: (value: number | null | undefined) =>
        value == null || (Number.isInteger(value) && value >= 1) ? true : '有効回答数は1以上の整数で入力してください。',
    },
    { name: 'source', type: 'text', required: true, maxLength: 200, label: { ja: '出典（調査名・報告書名）', en: 'Source' } },
    {
      name: 'surveyDate',
      type: 'date',
      required: true,
      label: { ja: '調査日（または調査期間の終わり）', en: 'Survey date' },
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy/MM/dd' } },
    },
    { name: 'note', type: 'textarea', maxLength: 1000, label: { ja: '備考（設問文、調査方法など）', en: 'Note' } },
  ],
}
