/**
 * How the portal's search reads Japanese text: the one place where a document's text and a resident's query are
 * brought to the same form and cut into the tokens the index stores. The SQLite and MongoDB stores
 * (cms/db/search/), the admin list search and the bench dataset writer all use these functions, so a word is found
 * the same way everywhere. Self-contained (no imports): the bench writer loads it with Node's type stripping.
 *
 * Why bigrams and not a word tokenizer: Japanese has no spaces, and a dictionary tokenizer splits unknown place
 * names and new words unpredictably; overlapping two-character pieces find any substring of two or more characters
 * (野菜, 三刀屋) with no dictionary. One-character queries match the distinct characters stored beside them.
 */

/** The longest query the site accepts (characters, after trimming). */
export const SEARCH_QUERY_MAX = 100
/** At most this many separate words in one query are used (the rest are ignored). */
export const SEARCH_TERMS_MAX = 8

const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g
// Characters that make up words; everything else (spaces, punctuation, symbols) separates words.
const WORD_RUN = /[\p{L}\p{N}]+/gu

/**
 * NFKC (half-width ｽﾏﾎ → スマホ, full-width ＡＢＣ１２３ → ABC123), lower case, katakana → hiragana (スマホ and すまほ
 * become one), runs of white space → one space. The long-vowel mark ー is kept: スマート and すまーと stay equal.
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/gu, ' ')
    .trim()
}

/** The runs of word characters in already-normalised text. */
export const wordRuns = (normalised: string): string[] => normalised.match(WORD_RUN) ?? []

/** Overlapping two-character pieces of one run ("すまほ" → すま, まほ); none for a one-character run. */
export function bigramsOf(run: string): string[] {
  const chars = [...run]
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  return out
}

/**
 * The tokens stored for one field: every bigram in text order (so a query's bigrams can be matched as a phrase),
 * then each distinct single character (for one-character queries). Space-separated.
 */
export function indexTokens(text: string): string[] {
  const runs = wordRuns(normaliseSearchText(text))
  const grams = runs.flatMap(bigramsOf)
  const singles = new Set(runs.flatMap((r) => [...r]))
  return [...grams, ...singles]
}

export type QueryCheck = { ok: true; terms: string[]; query: string } | { ok: false; reason: 'empty' | 'too_long'; query: string }

/**
 * A resident's query as the index understands it: the normalised words (AND), each one a phrase of its bigrams, or a
 * single character. Empty and over-long queries are refused with a reason the page turns into a Japanese message.
 */
export function parseSearchQuery(raw: string | null | undefined): QueryCheck {
  const query = (raw ?? '').trim()
  if ([...query].length > SEARCH_QUERY_MAX) return { ok: false, reason: 'too_long', query: [...query].slice(0, SEARCH_QUERY_MAX).join('') }
  const terms = [...new Set(wordRuns(normaliseSearchText(query)))].slice(0, SEARCH_TERMS_MAX)
  if (!terms.length) return { ok: false, reason: 'empty', query }
  return { ok: true, terms, query }
}

/** The tokens one query word must match, in order: its bigrams, or the character itself. */
export const termTokens = (term: string): string[] => ([...term].length === 1 ? [term] : bigramsOf(term))

// Half-width voiced marks combine with the kana before them under NFKC (ｶﾞ → ガ): kept as one unit.
const UNIT = /[\s\S][\uff9e\uff9f]?/gu

/**
 * Normalises `text` piece by piece, remembering where each normalised character came from, so a match found in
 * normalised text can be highlighted in the original.
 */
function normaliseWithMap(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = ''
  const from: number[] = []
  const to: number[] = []
  let offset = 0
  for (const unit of text.match(UNIT) ?? []) {
    const piece = unit
      .normalize('NFKC')
      .toLowerCase()
      .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    for (const ch of piece) {
      for (let k = 0; k < ch.length; k++) {
        from.push(offset)
        to.push(offset + unit.length)
      }
      norm += ch
    }
    offset += unit.length
  }
  return { norm, from, to }
}

export type SnippetPart = { text: string; mark: boolean }

/**
 * A short passage of `text` around the first place one of `terms` occurs, split into parts to highlight (`mark`) and
 * plain parts. The parts are raw text: the page escapes them. No match: the beginning of the text.
 */
export function snippetParts(text: string, terms: string[], width = 120): SnippetPart[] {
  const { norm, from, to } = normaliseWithMap(text)
  const hits: [number, number][] = []
  for (const term of terms) {
    if (!term) continue
    for (let i = norm.indexOf(term); i !== -1; i = norm.indexOf(term, i + term.length)) {
      hits.push([from[i], to[i + term.length - 1]])
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const first = hits[0]?.[0] ?? 0
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width))
  const end = Math.min(text.length, start + width)
  const parts: SnippetPart[] = []
  if (start > 0) parts.push({ text: '…', mark: false })
  let at = start
  for (const [s, e] of hits) {
    if (e <= at || s >= end) continue
    const from_ = Math.max(s, at)
    if (from_ > at) parts.push({ text: text.slice(at, from_), mark: false })
    parts.push({ text: text.slice(from_, Math.min(e, end)), mark: true })
    at = Math.min(e, end)
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false })
  if (end < text.length) parts.push({ text: '…', mark: false })
  return parts
}
