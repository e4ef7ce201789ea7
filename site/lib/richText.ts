import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/** Rich text as Payload's editor stores it. */
export type RichTextData = SerializedEditorState

/** The HTML of an editor's rich text. The converter escapes text nodes, so editor content cannot inject markup. */
export const richTextHtml = (data: RichTextData | null | undefined): string =>
  data ? convertLexicalToHTML({ data, disableContainer: true }) : ''
