/**
 * How a story, plan or event is shown in search results and share previews (LINE, Facebook, X): which collections
 * carry the editors' SEO fields, how long each may be, and what a share image may show.
 *
 * Lengths are counted in characters as residents see them (code points: an emoji is one), not in bytes.
 * Why these numbers: search engines cut a result's title at about 600px, which is about 30 full-width characters, and
 * its description at about 120 full-width characters on a computer (50–90 on a phone); LINE's link preview shows
 * about two lines of each. The site adds 「｜えすこポータル」 (8 characters) after the title in `<title>`.
 * - title: 10–32 characters read whole in a result (the admin's indicator says so); at most 40 are stored — beyond
 *   that a title is cut off everywhere.
 * - description: 50–120 characters show whole on a computer; at most 160 are stored (a phone never shows more,
 *   and a search engine rewrites a longer one).
 * The English defaults of Payload's SEO plugin (50–60 and 100–150 half-width letters) would call every good Japanese
 * title "too short".
 */

export const SEO_COLLECTIONS = ['stories', 'plans', 'events'] as const
export type SeoCollection = (typeof SEO_COLLECTIONS)[number]

export const SEO_LENGTHS = {
  title: { recommendedMin: 10, recommendedMax: 32, max: 40, label: 'タイトル' },
  description: { recommendedMin: 50, recommendedMax: 120, max: 160, label: '説明文' },
} as const
export type SeoText = keyof typeof SEO_LENGTHS

/** Characters as a reader counts them. */
export const textLength = (value: string): number => [...value].length

/** Japanese for staff when an SEO text is too long, or null when it may be saved (empty is fine: defaults apply). */
export function seoTextProblem(kind: SeoText, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string') return `${SEO_LENGTHS[kind].label}は文字で入力してください。`
  const { max, label } = SEO_LENGTHS[kind]
  const n = textLength(value)
  return n > max ? `検索・共有用の${label}は${max}文字以内にしてください（いま${n}文字）。` : null
}

/** `value` cut to at most `max` characters, ending in 「…」 when something was cut. */
export function clipText(value: string, max: number): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * A share image is shown to anyone the page is shared with. A story's may show people only with their photo consent
 * (cms/domain/consent.ts, the same rule as the hero image); plans and events record no photo consent, so theirs must
 * be an image marked as showing nobody. A restricted image is never offered or served (cms/access/unrestrictedOrStaff.ts).
 */
export const SHARE_IMAGE_MAY_SHOW_PEOPLE: Record<SeoCollection, boolean> = { stories: true, plans: false, events: false }

export const SHARE_IMAGE_SHOWS_PEOPLE_PROBLEM =
  'プランやイベントの共有用画像には、人物が写っていない画像（画像の「人物が写っている」を外したもの）を選んでください。'
export const SHARE_IMAGE_RESTRICTED_PROBLEM = '非公開の画像は共有用画像に使えません。'
