import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { markTallies } from '../kpi/recountQueue'
import { bucketsOfDoc } from '../kpi/tallyStore'

/**
 * Marks the KPI buckets a counted document touches for a recount (cms/kpi/recountQueue.ts). Added by
 * cms/plugins/sharedBehaviour.ts to the collections the metric catalogue counts (TALLIED_COLLECTIONS).
 */

// The buckets the document was in and is in now: a date moved between months, or a status change, touches both.
export const markTalliesAfterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, req }) => {
  markTalliesOf(req.payload, collection.slug, [doc, previousDoc])
  return doc
}

export const markTalliesAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  markTalliesOf(req.payload, collection.slug, [doc])
  return doc
}

function markTalliesOf(payload: Payload, slug: string, docs: unknown[]) {
  markTallies(payload, [...new Set(docs.flatMap((d) => bucketsOfDoc(slug, d)))])
}
