import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, Field, Where } from 'payload'

import { staffOnlyField } from '../access/staffOnlyField'
import { isSearchedCollection, SEARCHABLE } from '../domain/searchable'
import { normaliseSearchText } from '../domain/searchText'

/**
 * Staff search the admin lists by the site search's rules: a hidden field holds the document's searchable text
 * normalised (cms/domain/searchText.ts), the list searches it beside the title (admin.listSearchableFields), and the
 * term typed into the list search is normalised the same way before the query runs, so すまほ finds スマホ there too.
 * Added to every searched collection by cms/plugins/sharedBehaviour.ts.
 */
export const SEARCH_TEXT_FIELD = 'searchText'

export const searchTextField: Field = {
  name: SEARCH_TEXT_FIELD,
  type: 'textarea',
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  // Derived from public fields, yet of no use to the public API: staff only. Written by setSearchText alone.
  access: { read: staffOnlyField },
}

/** Fills the field from the document as it will be saved (a partial update keeps the stored values). */
export const setSearchText: CollectionBeforeChangeHook = ({ collection, data, originalDoc }) => {
  if (!isSearchedCollection(collection.slug)) return data
  const doc = { ...(originalDoc ?? {}), ...data }
  const { title, body } = SEARCHABLE[collection.slug].entry(doc)
  return { ...data, [SEARCH_TEXT_FIELD]: normaliseSearchText(`${title}\n${body}`) }
}

function normaliseWhere(where: Where): Where {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((w) => normaliseWhere(w as Where))
    else if (key === SEARCH_TEXT_FIELD && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([op, v]) => [
          op,
          typeof v === 'string' && (op === 'like' || op === 'contains') ? normaliseSearchText(v) : v,
        ]),
      )
    } else out[key] = value as Where[string]
  }
  return out
}

/** The admin's list search term, normalised where it is compared with the normalised field. */
export const normaliseListSearch: CollectionBeforeOperationHook = ({ args, operation }) => {
  const where = (args as { where?: Where }).where
  if ((operation === 'read' || operation === 'count') && where) return { ...args, where: normaliseWhere(where) }
  return args
}
