import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'

/**
 * Used survey codes, as keyed hashes (cms/kpi/surveyCodes.ts): the unique index makes a code count once even
 * when two answers carrying it arrive together. Written only by the survey-responses hook (decideSurveyCount).
 */
export const SurveyCodeUses: CollectionConfig = {
  slug: 'survey-code-uses',
  labels: {
    singular: { ja: '使用済みアンケートコード', en: 'Used survey code' },
    plural: { ja: '使用済みアンケートコード', en: 'Used survey codes' },
  },
  admin: { hidden: true },
  access: { read: isEditor, create: () => false, update: () => false, delete: () => false },
  disableDuplicate: true,
  fields: [
    { name: 'codeHash', type: 'text', required: true, unique: true, index: true },
    { name: 'batch', type: 'relationship', relationTo: 'survey-code-batches' },
    { name: 'fiscalYear', type: 'number', required: true, index: true },
  ],
}
