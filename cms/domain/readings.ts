/**
 * What a reading (よみがな) may contain, declared once: the admin validates with these, the site trusts them.
 */

/** Kana only (hiragana or katakana), with the long-vowel mark, middle dot and spaces: an organisation's sort key. */
export const KANA_READING = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u
export const KANA_READING_ERROR = 'よみがなは、ひらがな または カタカナで入力してください。'

/**
 * Hiragana only, for a reading shown as furigana over a person's display name (children and older readers read
 * hiragana; katakana over katakana would say nothing). Digits stay digits (「3丁目の…」).
 */
export const HIRAGANA_READING = /^[\p{Script=Hiragana}ー・0-9０-９\s\u3000]+$/u
export const HIRAGANA_READING_ERROR = 'よみがなは、ひらがなで入力してください（例: うしおのしょうぎおじさん）。'

/** Payload `validate` for an optional reading field. */
export const validReading =
  (pattern: RegExp, error: string) =>
  (value: string | null | undefined): true | string =>
    !value || pattern.test(value) ? true : error
