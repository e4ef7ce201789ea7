import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, Payload } from 'payload'

import { MONTHLY } from '../kpi/catalogue'
import { markTallies } from '../kpi/recountQueue'
import { bucketsOfDoc } from '../kpi/tallyStore'

/** Collections whose documents are counted in a KPI tally (cms/lib/kpiTallies.ts). */
export const TALLIED_COLLECTIONS = new Set<string>([...Object.values(MONTHLY).map((d) => d.collection), 'survey-responses', 'events', 'organisations'])

// The buckets the document was in and is in now: a date moved between months, or a status change, touches both.
const markTalliesAfterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, req }) => {
  markTalliesOf(req.payload, collection.slug, [doc, previousDoc])
  return doc
}

const markTalliesAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  markTalliesOf(req.payload, collection.slug, [doc])
  return doc
}

function markTalliesOf(payload: Payload, slug: string, docs: unknown[]) {
  markTallies(payload, [...new Set(docs.flatMap((d) => bucketsOfDoc(slug, d)))])
}

/** Adds the tally hooks to the counted collections; the others come back unchanged. */
export const withKpiTallies = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((c) =>
    TALLIED_COLLECTIONS.has(c.slug)
      ? {
          ...c,
          hooks: {
            ...c.hooks,
            afterChange: [...(c.hooks?.afterChange ?? []), markTalliesAfterChange],
            afterDelete: [...(c.hooks?.afterDelete ?? []), markTalliesAfterDelete],
          },
        }
      : c,
  )
