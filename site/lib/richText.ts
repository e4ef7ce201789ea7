import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters, TextHTMLConverter } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState, SerializedTextNode } from '@payloadcms/richtext-lexical/lexical'

import { japaneseHtml, type ReadingScope, readingScope } from './japaneseText'

/** Rich text as Payload's editor stores it. */
export type RichTextData = SerializedEditorState

// Payload's text converter escapes the text and wraps it for bold, italic and the rest; it is given a placeholder
// and the placeholder becomes the text run through the Japanese pipeline (escaped there), so formats stay Payload's.
const PLACEHOLDER = '\uE000'
const payloadText = TextHTMLConverter.text as (args: { node: SerializedTextNode }) => string

/** Converters that put readings over place names in text nodes only: a link's href and other attributes are untouched. */
function japaneseConverters(scope: ReadingScope): HTMLConverters {
  return {
    ...defaultHTMLConverters,
    text: ({ node, parent }) => {
      const text = node as SerializedTextNode
      const html = japaneseHtml(text.text, { scope, phrases: parent?.type === 'heading' })
      return payloadText({ node: { ...text, text: PLACEHOLDER } }).replace(PLACEHOLDER, () => html)
    },
  }
}

/**
 * The HTML of an editor's rich text. Text nodes are escaped, so editor content cannot inject markup; place names get
 * their reading the first time in the section (`scope`, one per call unless shared with a lead).
 */
export const richTextHtml = (data: RichTextData | null | undefined, scope: ReadingScope = readingScope()): string =>
  data ? convertLexicalToHTML({ data, disableContainer: true, converters: japaneseConverters(scope) }) : ''
