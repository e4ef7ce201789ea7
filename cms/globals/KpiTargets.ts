import type { GlobalConfig } from 'payload'

import { isEditor } from '../access/isEditor'

/** 令和7年度 targets from the city's specification (2025年度増加分設定 KPI). */
export const DEFAULT_KPI_TARGETS = {
  fiscalYear: 2025,
  surveyPointIncrease: 0.26,
  citizens: 150,
  participants: 2000,
  plansAccumulated: 300,
  plansRealised: 200,
  organisations: 40,
}

export const KpiTargets: GlobalConfig = {
  slug: 'kpi-targets',
  label: { ja: 'KPI目標', en: 'KPI targets' },
  admin: { group: { ja: '集計', en: 'Reporting' } },
  access: { read: () => true, update: isEditor },
  fields: [
    {
      name: 'years',
      type: 'array',
      label: { ja: '年度ごとの目標', en: 'Targets per fiscal year' },
      // Only 令和7年度's figures are in the contract: a year (or a figure) nobody entered stays 未設定 everywhere.
      admin: {
        description: {
          ja: '契約で決まった目標だけを入力してください。空欄の目標は、公開ページ・報告書・オープンデータで「未設定」と表示されます。',
          en: 'Enter contractual targets only; empty ones show as not set.',
        },
      },
      defaultValue: [DEFAULT_KPI_TARGETS],
      fields: [
        {
          name: 'fiscalYear',
          type: 'number',
          required: true,
          min: 2020,
          max: 2100,
          label: { ja: '年度（西暦、4月始まり）', en: 'Fiscal year (April start)' },
        },
        {
          name: 'surveyPointIncrease',
          type: 'number',
          label: { ja: '助け合える地域だと感じる市民の割合（増加ポイント）', en: 'Survey: increase in points' },
        },
        { name: 'citizens', type: 'number', min: 0, label: { ja: 'えすこ市民の創出数', en: 'Esuko citizens' } },
        { name: 'participants', type: 'number', min: 0, label: { ja: '新規参画者数（ユニーク）', en: 'Unique new participants' } },
        {
          name: 'plansAccumulated',
          type: 'number',
          min: 0,
          label: { ja: 'ウエルビーイングプラン蓄積数', en: 'Wellbeing plans accumulated' },
        },
        { name: 'plansRealised', type: 'number', min: 0, label: { ja: 'ウエルビーイングプラン実現数', en: 'Wellbeing plans realised' } },
        { name: 'organisations', type: 'number', min: 0, label: { ja: 'えすこ共助会議参画団体数', en: 'Organisations in the meeting' } },
      ],
    },
  ],
}
