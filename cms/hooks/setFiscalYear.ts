import type { CollectionBeforeChangeHook } from 'payload'

import { fiscalYearOf } from '../domain/fiscalYear'

/** Survey answers belong to the fiscal year (April–March, Japan time) in which they were given. */
export const setFiscalYear: CollectionBeforeChangeHook = ({ data, operation }) =>
  operation === 'create' && !data.fiscalYear ? { ...data, fiscalYear: fiscalYearOf(new Date(data.answeredAt ?? Date.now())) } : data
