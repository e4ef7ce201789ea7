import { describe, expect, it } from 'vitest'

import { documentTags, richTextReferences } from '../../site/lib/references'

// The documents a read shows, as cache tags (site/lib/references.ts): a page is dropped when one of them changes.

const text = (children: unknown[]) => ({ root: { type: 'root', children } })

describe('the documents a rich text embeds', () => {
  it.each<[string, unknown, string[]]>([
    ['nothing', null, []],
    ['plain paragraphs', text([{ type: 'paragraph', children: [{ type: 'text', text: '畑で' }] }]), []],
    ['a populated upload', text([{ type: 'upload', relationTo: 'media', value: { id: 7, alt: '写真' } }]), ['media#7']],
    ['an upload left as an id', text([{ type: 'upload', relationTo: 'media', value: 8 }]), ['media#8']],
    [
      'a relationship inside a list item',
      text([
        { type: 'list', children: [{ type: 'listitem', children: [{ type: 'relationship', relationTo: 'plans', value: { id: 'p1' } }] }] },
      ]),
      ['plans#p1'],
    ],
    ['an upload with no document (removed)', text([{ type: 'upload', relationTo: 'media', value: null }]), []],
  ])('%s', (_, data, tags) => expect(richTextReferences(data)).toEqual(tags))
})

describe('the documents of relationship fields', () => {
  it('names ids and populated documents alike, and skips empty fields', () =>
    expect(documentTags({ media: [3, null, undefined, { id: 4 }], citizens: [{ id: 'c9' }], organisations: [] })).toEqual([
      'media#3',
      'media#4',
      'citizens#c9',
    ]))
})
