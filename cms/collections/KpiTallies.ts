import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'

/**
 * Maintained KPI counts (cms/kpi/tallyStore.ts): one row per recount of a bucket (metric × fiscal month, or
 * the year for the survey and the 共助会議), newest row wins. Written only by the server through the Local API;
 * counts by town can be small, so only editors may read them.
 */
export const KpiTallies: CollectionConfig = {
  slug: 'kpi-tallies',
  labels: { singular: { ja: 'KPI集計', en: 'KPI tally' }, plural: { ja: 'KPI集計', en: 'KPI tallies' } },
  admin: { hidden: true, useAsTitle: 'bucket' },
  access: {
    create: () => false,
    read: isEditor,
    update: () => false,
    delete: () => false,
  },
  disableDuplicate: true,
  timestamps: false,
  indexes: [{ fields: ['bucket', 'countedAt'] }],
  fields: [
    { name: 'bucket', type: 'text', required: true },
    { name: 'metric', type: 'text', required: true },
    { name: 'fiscalYear', type: 'number', required: true, index: true },
    { name: 'month', type: 'number' },
    // Milliseconds since the epoch when the recount's reads began: the newest wins.
    { name: 'countedAt', type: 'number', required: true },
    { name: 'data', type: 'json', required: true },
  ],
}
