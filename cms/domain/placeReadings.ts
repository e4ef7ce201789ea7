/**
 * Readings (furigana) of Unnan's place names, declared once: the site puts them over the names wherever they appear
 * (site/lib/japaneseText.ts). Several are hard even for people from the next town (木次 きすき, 掛合 かけや, 日登 ひのぼり).
 *
 * Matching is longest first over whole entries, so 斐伊川 beats 斐伊 and 佐世保 (not ours) beats 佐世.
 */
export type PlaceReading = {
  /** The name as written. */
  name: string
  /** Its reading in hiragana. */
  reading: string
  /**
   * Only inside these longer forms, for a name that is also an everyday word or a common surname read another way
   * (温泉 is a district of 木次町, but 温泉 in a sentence is usually just a hot spring).
   */
  onlyIn?: readonly string[]
}

/** The city, its six towns, the river, and the areas of its 地域自主組織 (community self-governing bodies). */
export const PLACE_READINGS: readonly PlaceReading[] = [
  { name: '雲南', reading: 'うんなん' },
  { name: '斐伊川', reading: 'ひいかわ' },
  { name: '飯石', reading: 'いいし' },
  // 大東町
  { name: '大東', reading: 'だいとう' },
  { name: '海潮', reading: 'うしお' },
  { name: '佐世', reading: 'させ' },
  { name: '阿用', reading: 'あよう' },
  { name: '春殖', reading: 'はるえ' },
  { name: '幡屋', reading: 'はたや' },
  { name: '塩田', reading: 'しおた', onlyIn: ['塩田地区'] },
  { name: '久野', reading: 'くの', onlyIn: ['久野地区'] },
  { name: '山王寺', reading: 'さんのうじ' },
  // 加茂町
  { name: '加茂', reading: 'かも' },
  { name: '三代', reading: 'みしろ', onlyIn: ['三代地区'] },
  // 木次町
  { name: '木次', reading: 'きすき' },
  { name: '斐伊', reading: 'ひい' },
  { name: '日登', reading: 'ひのぼり' },
  { name: '寺領', reading: 'じりょう' },
  { name: '温泉', reading: 'おんせん', onlyIn: ['温泉地区', '木次町温泉'] },
  { name: '湯村', reading: 'ゆむら' },
  // 三刀屋町
  { name: '三刀屋', reading: 'みとや' },
  { name: '鍋山', reading: 'なべやま' },
  { name: '一宮', reading: 'いちのみや', onlyIn: ['一宮地区'] },
  { name: '中野', reading: 'なかの', onlyIn: ['中野地区'] },
  // 吉田町
  { name: '吉田', reading: 'よしだ' },
  { name: '民谷', reading: 'たみだに' },
  { name: '田井', reading: 'たい', onlyIn: ['田井地区'] },
  // 掛合町
  { name: '掛合', reading: 'かけや' },
  { name: '波多', reading: 'はた' },
  { name: '多根', reading: 'たね' },
  { name: '松笠', reading: 'まつかさ' },
  { name: '入間', reading: 'いるま', onlyIn: ['入間地区'] },
]

/**
 * Longer words that contain one of the names above but are not that place (or are read differently): matched like
 * the names, longest first, and left without a reading.
 */
export const NOT_PLACE_NAMES: readonly string[] = [
  '佐世保', // the city in Nagasaki, させぼ
  '波多野', // a surname, はたの
  '掛合い', // 掛け合い, かけあい: an exchange (掛合い漫才)
  '掛合う',
  '海潮音', // かいちょうおん, a Buddhist term
]
