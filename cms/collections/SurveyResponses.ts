import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { viaSiteFormOrStaff } from '../access/viaSiteFormOrStaff'
import { townField } from '../fields/common'
import { decideSurveyCount } from '../hooks/decideSurveyCount'
import { setFiscalYear } from '../hooks/setFiscalYear'
import { AGE_BAND_OPTIONS, SURVEY_QUESTION, SURVEY_SCALE } from '../domain/options'
import { SURVEY_CHANNEL_OPTIONS } from '../domain/submissions'

/**
 * The portal's own survey: a supplementary indicator beside KPI 1 (which comes from the city's official survey,
 * official-survey-results). Anonymous answers, nothing that identifies the respondent; which answers count is
 * decided on the server (decideSurveyCount): at most one per one-time code, paper answers with their method.
 */
export const SurveyResponses: CollectionConfig = {
  slug: 'survey-responses',
  labels: { singular: { ja: 'アンケート回答', en: 'Survey response' }, plural: { ja: 'アンケート回答', en: 'Survey responses' } },
  admin: {
    useAsTitle: 'answeredAt',
    defaultColumns: ['answer', 'town', 'ageBand', 'fiscalYear', 'channel', 'counted'],
    group: { ja: '集計', en: 'Reporting' },
  },
  access: {
    create: viaSiteFormOrStaff,
    read: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: { beforeChange: [setFiscalYear, decideSurveyCount] },
  fields: [
    {
      name: 'answer',
      type: 'select',
      options: SURVEY_SCALE,
      required: true,
      label: { ja: SURVEY_QUESTION, en: 'Do you feel your area is one where people help each other?' },
    },
    townField({ required: true }),
    {
      name: 'ageBand',
      type: 'select',
      options: AGE_BAND_OPTIONS,
      required: true,
      defaultValue: 'unanswered',
      label: { ja: '年代', en: 'Age band' },
    },
    {
      name: 'fiscalYear',
      type: 'number',
      index: true,
      label: { ja: '年度', en: 'Fiscal year' },
      admin: { description: { ja: '回答日から自動で決まります（4月始まり）。', en: 'Set from the answer date (April–March).' } },
    },
    {
      name: 'answeredAt',
      type: 'date',
      label: { ja: '回答日', en: 'Answered at' },
      admin: { description: { ja: '紙の回答を入力するときは回答日を入れてください。', en: 'For paper answers, the day they were given.' } },
    },
    {
      name: 'channel',
      type: 'select',
      defaultValue: 'web',
      required: true,
      options: SURVEY_CHANNEL_OPTIONS,
      label: { ja: '回答方法', en: 'Channel' },
    },
    {
      name: 'method',
      type: 'text',
      maxLength: 300,
      label: { ja: '集計方法', en: 'Collection method' },
      admin: {
        condition: (data) => data?.channel !== 'web',
        description: {
          ja: '紙・会場の回答では必須です。例：「○○会場で回答用紙を1人1枚配布し、その場で回収」。',
          en: 'Required for paper and event answers.',
        },
      },
    },
    {
      name: 'code',
      type: 'text',
      virtual: true,
      label: { ja: 'アンケートコード', en: 'Survey code' },
      admin: { hidden: true },
    },
    {
      name: 'counted',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { ja: '集計に含める', en: 'Counted' },
      // Decided by decideSurveyCount alone: no one (no editor either) can make an answer count.
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          ja: '未使用のアンケートコード付きのウェブ回答と、集計方法を記録した紙・会場の回答だけが集計されます。',
          en: 'Set by the server.',
        },
      },
    },
    {
      name: 'codeBatch',
      type: 'relationship',
      relationTo: 'survey-code-batches',
      label: { ja: '使われたコードの配布元', en: 'Code batch' },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
