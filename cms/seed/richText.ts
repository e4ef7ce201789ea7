import type { Story } from '../payload-types'

export type RichText = NonNullable<Story['body']>

type Block = string | { h2: string }

const textNode = (text: string) => ({
  type: 'text',
  text,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const blockNode = (block: Block) =>
  typeof block === 'string'
    ? { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [textNode(block)] }
    : { type: 'heading', tag: 'h2', format: '', indent: 0, version: 1, direction: 'ltr', children: [textNode(block.h2)] }

/** Builds Lexical editor state from plain paragraphs and `{ h2 }` headings, for seed content. */
export const richText = (...blocks: Block[]): RichText =>
  ({
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: blocks.map(blockNode) },
  }) as RichText
