import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { townField } from '../fields/common'
import { setFiscalYear } from '../hooks/setFiscalYear'
import { AGE_BAND_OPTIONS, SURVEY_QUESTION, SURVEY_SCALE } from '../domain/options'
import { SURVEY_CHANNEL_OPTIONS } from '../domain/submissions'

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
    { name: 'ageBand', type: 'select', options: AGE_BAND_OPTIONS, required: true, defaultValue: 'unanswered', label: { ja: '年代', en: 'Age band' } },
    { name: 'fiscalYear', type: 'number', index: true, label: { ja: '年度', en: 'Fiscal year' }, admin: { description: { ja: '回答日から自動で決まります（4月始まり）。', en: 'Set from the answer date (April–March).' } } },
    { name: 'answeredAt', type: 'date', label: { ja: '回答日', en: 'Answered at' }, admin: { description: { ja: '紙の回答を入力するときは回答日を入れてください。', en: 'For paper answers, the day they were given.' } } },
    {
      name: 'channel',
      type: 'select',
      defaultValue: 'web',
      required: true,
      options: SURVEY_CHANNEL_OPTIONS,
      label: { ja: '回答方法', en: 'Channel' },
    },
  ],
}
