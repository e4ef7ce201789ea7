import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { townField } from '../fields/common'
import { setFiscalYear } from '../hooks/setFiscalYear'

export const SURVEY_QUESTION = 'お住まいの地域は、助け合える地域だと感じますか'

export const SURVEY_SCALE = [
  { value: '5', label: { ja: 'とてもそう感じる', en: 'Strongly agree' } },
  { value: '4', label: { ja: 'ややそう感じる', en: 'Agree' } },
  { value: '3', label: { ja: 'どちらともいえない', en: 'Neutral' } },
  { value: '2', label: { ja: 'あまりそう感じない', en: 'Disagree' } },
  { value: '1', label: { ja: 'まったくそう感じない', en: 'Strongly disagree' } },
]

export const AGE_BANDS = [
  { value: 'under20', label: { ja: '19歳以下', en: '19 or under' } },
  { value: '20s', label: { ja: '20代', en: '20s' } },
  { value: '30s', label: { ja: '30代', en: '30s' } },
  { value: '40s', label: { ja: '40代', en: '40s' } },
  { value: '50s', label: { ja: '50代', en: '50s' } },
  { value: '60s', label: { ja: '60代', en: '60s' } },
  { value: '70s', label: { ja: '70代', en: '70s' } },
  { value: '80plus', label: { ja: '80歳以上', en: '80 or over' } },
  { value: 'unanswered', label: { ja: '回答しない', en: 'Prefer not to say' } },
]

/** The KPI-1 survey: anonymous answers, nothing that identifies the respondent. */
export const SurveyResponses: CollectionConfig = {
  slug: 'survey-responses',
  labels: { singular: { ja: 'アンケート回答', en: 'Survey response' }, plural: { ja: 'アンケート回答', en: 'Survey responses' } },
  admin: { defaultColumns: ['answer', 'town', 'ageBand', 'fiscalYear', 'channel'], group: { ja: '集計', en: 'Reporting' } },
  access: {
    create: viaSiteFormOrStaff,
    read: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: { beforeChange: [setFiscalYear] },
  fields: [
    { name: 'answer', type: 'select', options: SURVEY_SCALE, required: true, label: { ja: SURVEY_QUESTION, en: 'Do you feel your area is one where people help each other?' } },
    townField({ required: true }),
    { name: 'ageBand', type: 'select', options: AGE_BANDS, required: true, defaultValue: 'unanswered', label: { ja: '年代', en: 'Age band' } },
    { name: 'fiscalYear', type: 'number', index: true, label: { ja: '年度', en: 'Fiscal year' }, admin: { description: { ja: '回答日から自動で決まります（4月始まり）。', en: 'Set from the answer date (April–March).' } } },
    { name: 'answeredAt', type: 'date', label: { ja: '回答日', en: 'Answered at' }, admin: { description: { ja: '紙の回答を入力するときは回答日を入れてください。', en: 'For paper answers, the day they were given.' } } },
    {
      name: 'channel',
      type: 'select',
      defaultValue: 'web',
      required: true,
      options: [
        { value: 'web', label: { ja: 'ウェブ', en: 'Web' } },
        { value: 'paper', label: { ja: '紙', en: 'Paper' } },
        { value: 'event', label: { ja: 'イベント会場', en: 'At an event' } },
      ],
      label: { ja: '回答方法', en: 'Channel' },
    },
  ],
}
