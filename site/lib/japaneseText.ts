import { type HTMLProcessingParser, loadDefaultJapaneseParser } from 'budoux'

import { EVENT_KIND_OPTIONS } from '../../cms/domain/options'
import { NOT_PLACE_NAMES, PLACE_READINGS } from '../../cms/domain/placeReadings'

/**
 * The one text pipeline for Japanese on the site: furigana (`<ruby>`) over Unnan's place names and over people's
 * names where a reading is given, and phrase boundaries (BudouX) so headings wrap between phrases in every browser
 * (`word-break: auto-phrase` is Chromium-only). Input is plain text; the output is HTML with the text escaped.
 *
 * Which occurrences get a reading: every one in a heading, card title or label (each is read on its own, out of
 * order, when a reader scans a list), only the first one per section in running text (a story's lead and body are
 * one section): repeated furigana in a paragraph crowds the lines and a screen reader would read every reading
 * aloud again. A section shares a `ReadingScope`.
 */

/** One run of text, with the reading to show over it if any. */
type Piece = { text: string; reading?: string }

/** The place names already given a reading in the current section. */
export type ReadingScope = Set<string>
export const readingScope = (): ReadingScope => new Set()

export type JaTextOptions = {
  /** Mark phrase boundaries with `<wbr>` and keep the rest together (headings, card titles). */
  phrases?: boolean
  /** A reading of the whole text (a person's display name); place names inside it then get none of their own. */
  reading?: string | null
  /** Share with the other runs of one section so a place name gets its reading only the first time. */
  scope?: ReadingScope
}

const escapeChars: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapeChars[c]!)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Longest match first: a regex alternation takes the first alternative that matches, so order by length. */
const alternation = (words: Iterable<string>) =>
  new RegExp(
    [...words]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .map(escapeRegExp)
      .join('|'),
    'gu',
  )

function split(text: string, pattern: RegExp, pieces: (match: string) => Piece[]): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) })
    out.push(...pieces(m[0]))
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}

/** Every matchable word and what it becomes, compiled once from the table in cms/domain/placeReadings.ts. */
const lexicon: Map<string, Piece[]> = (() => {
  const always = PLACE_READINGS.filter((p) => !p.onlyIn)
  const map = new Map<string, Piece[]>(always.map((p) => [p.name, [{ text: p.name, reading: p.reading }]]))
  for (const p of PLACE_READINGS.filter((p) => p.onlyIn)) {
    // A longer form (木次町温泉) may hold other names too: each gets its reading within it.
    const inner = new Map([...always, p].map((q) => [q.name, q.reading]))
    const innerPattern = alternation(inner.keys())
    for (const form of p.onlyIn!)
      map.set(
        form,
        split(form, innerPattern, (name) => [{ text: name, reading: inner.get(name) }]),
      )
  }
  for (const word of NOT_PLACE_NAMES) map.set(word, [{ text: word }])
  return map
})()
const lexiconPattern = alternation(lexicon.keys())

/** The text cut into runs, place names carrying their readings (before the scope decides which are shown). */
export const placePieces = (text: string): Piece[] => split(text, lexiconPattern, (word) => lexicon.get(word)!)

let parser: HTMLProcessingParser | undefined
/** Built on first use and kept: loading BudouX's model is the expensive part, parsing a heading is not. */
const budoux = () => (parser ??= loadDefaultJapaneseParser())

/** A break here would split a character (surrogate pair, combining mark, variation selector) or a Latin word. */
const splitsSomething = (text: string, i: number) =>
  /[\uDC00-\uDFFF]/.test(text[i]!) || /^\p{M}/u.test(text.slice(i, i + 2)) || /[A-Za-z0-9]{2}/.test(text.slice(i - 1, i + 1))

/** The programme's own words, which BudouX does not know and would cut (えすこな|ふる|まい市). */
const KEEP_WHOLE = alternation(['えすこな雲南市', 'えすこ市民', 'えすこポータル', ...EVENT_KIND_OPTIONS.map((o) => o.label.ja)])

/** Offsets (UTF-16, into the whole text) where a phrase begins: BudouX's boundaries, never inside a character. */
export function phraseBoundaries(text: string): number[] {
  if (!text) return []
  const inside = new Set<number>()
  for (const m of text.matchAll(KEEP_WHOLE)) for (let i = 1; i < m[0].length; i++) inside.add(m.index + i)
  return budoux()
    .parseBoundaries(text)
    .filter((i) => !inside.has(i) && !splitsSomething(text, i))
}

const rubyHtml = (base: string, reading: string) => `<ruby>${escapeHtml(base)}<rp>（</rp><rt>${escapeHtml(reading)}</rt><rp>）</rp></ruby>`

// Titles and labels recur on many pages (cards, lists, the home page): their HTML is kept, bounded, oldest out first.
const MEMO_MAX = 5000
const memo = new Map<string, string>()

/** Plain text as HTML with readings and (optionally) phrase boundaries; see the options. */
export function japaneseHtml(text: string | null | undefined, options: JaTextOptions = {}): string {
  if (!text) return ''
  // A scope changes the answer with what came before; only scope-free runs can be kept.
  if (options.scope) return render(text, options)
  const key = `${options.phrases ? 1 : 0}${options.reading ?? ''}\u0000${text}`
  let html = memo.get(key)
  if (html === undefined) {
    html = render(text, options)
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!)
    memo.set(key, html)
  }
  return html
}

function render(text: string, options: JaTextOptions): string {
  const reading = options.reading?.trim()
  let pieces: Piece[]
  if (reading) pieces = [{ text, reading }]
  else {
    const scope = options.scope
    pieces = placePieces(text).map((p) => {
      if (!p.reading || !scope) return p
      if (scope.has(p.text)) return { text: p.text }
      scope.add(p.text)
      return p
    })
  }
  const breaks = options.phrases ? new Set(phraseBoundaries(text)) : null
  let html = ''
  let at = 0
  for (const piece of pieces) {
    if (breaks?.has(at) && at > 0) html += '<wbr>'
    if (piece.reading) html += rubyHtml(piece.text, piece.reading)
    else if (!breaks) html += escapeHtml(piece.text)
    else {
      // A boundary inside a ruby base is dropped: the name stays whole.
      let from = 0
      for (let i = 1; i < piece.text.length; i++) {
        if (!breaks.has(at + i)) continue
        html += `${escapeHtml(piece.text.slice(from, i))}<wbr>`
        from = i
      }
      html += escapeHtml(piece.text.slice(from))
    }
    at += piece.text.length
  }
  return options.phrases ? `<span class="phrases">${html}</span>` : html
}
