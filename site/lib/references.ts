import { docTag, referenceId } from '../../cms/lib/cacheProtocol'

// The documents a read shows, as cache tags (cms/lib/cacheProtocol.ts docTag): a relationship comes back as an id,
// or populated as the document with its id. A value that is neither (empty, or left out by the public read rule) is
// still named when it is an id: the page changes when that document becomes public.

// An id, a populated document, or empty (referenceId in cms/lib/cacheProtocol.ts).
type Reference = unknown

/** The tags of the documents given per collection. */
export function documentTags(byCollection: Record<string, readonly Reference[]>): string[] {
  const tags: string[] = []
  for (const [collection, values] of Object.entries(byCollection))
    for (const value of values) {
      const id = referenceId(value)
      if (id !== null) tags.push(docTag(collection, id))
    }
  return tags
}

type Node = { type?: unknown; relationTo?: unknown; value?: unknown; children?: unknown; fields?: unknown }

/** The documents embedded in a rich text (upload and relationship nodes, at any depth, and inside their fields). */
export function richTextReferences(data: unknown): string[] {
  const tags: string[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const { type, relationTo, value, children, fields } = node as Node
    if ((type === 'upload' || type === 'relationship') && typeof relationTo === 'string') {
      const id = referenceId(value)
      if (id !== null) tags.push(docTag(relationTo, id))
    }
    visit(children)
    visit(fields)
  }
  visit((data as { root?: unknown } | null | undefined)?.root)
  return tags
}
