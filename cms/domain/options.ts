/**
 * The portal's vocabulary: every choice list with its Japanese (and English) labels, declared once.
 * Collections use the options, zod schemas the values, pages the labels.
 */
export type Label = { ja: string; en: string }
export type Option<V extends string = string> = { value: V; label: Label }

/** An option list with its values kept as literal types, as a (mutable) array Payload's select fields accept. */
export const defineOptions = <const T extends readonly Option[]>(options: T): T[number][] => [...options]

/** Japanese label of each value of an option list. */
export const labelsJa = <V extends string>(options: readonly Option<V>[]): Record<V, string> =>
  Object.fromEntries(options.map((o) => [o.value, o.label.ja])) as Record<V, string>

/** The values of an option list, as a non-empty tuple (for zod's `z.enum`). */
export const valuesOf = <V extends string>(options: readonly Option<V>[]): [V, ...V[]] => options.map((o) => o.value) as [V, ...V[]]

/** The six towns of Unnan City, in the city's usual order. */
export const TOWNS = ['大東町', '加茂町', '木次町', '三刀屋町', '吉田町', '掛合町'] as const
export type Town = (typeof TOWNS)[number]

const TOWN_EN: Record<Town, string> = {
  大東町: 'Daitō',
  加茂町: 'Kamo',
  木次町: 'Kisuki',
  三刀屋町: 'Mitoya',
  吉田町: 'Yoshida',
  掛合町: 'Kakeya',
}
export const TOWN_OPTIONS: Option<Town>[] = TOWNS.map((town) => ({ value: town, label: { ja: town, en: TOWN_EN[town] } }))
/** Where a registrant for an event lives: one of the towns, or outside the city (visitors are welcome). */
export const RESIDENCE_OPTIONS: Option<Town | 'outside'>[] = [
  ...TOWN_OPTIONS,
  { value: 'outside', label: { ja: '市外', en: 'Outside Unnan' } },
]

export const THEME_OPTIONS = defineOptions([
  { value: 'kids', label: { ja: '子ども・子育て', en: 'Children & parenting' } },
  { value: 'elderly', label: { ja: '高齢者の見守り・支え合い', en: 'Looking out for older people' } },
  { value: 'food', label: { ja: '食・農', en: 'Food & farming' } },
  { value: 'nature', label: { ja: '環境・自然', en: 'Environment & nature' } },
  { value: 'culture', label: { ja: '文化・歴史', en: 'Culture & history' } },
  { value: 'learning', label: { ja: '学び・デジタル', en: 'Learning & digital' } },
  { value: 'health', label: { ja: '健康・スポーツ', en: 'Health & sport' } },
  { value: 'safety', label: { ja: '防災・安全', en: 'Safety & disaster readiness' } },
  { value: 'mobility', label: { ja: '移動・買い物', en: 'Transport & shopping' } },
  { value: 'place', label: { ja: '居場所づくり', en: 'Places to gather' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
export type Theme = (typeof THEME_OPTIONS)[number]['value']
export const THEMES: Theme[] = THEME_OPTIONS.map((o) => o.value)
export const THEME_LABEL = labelsJa<Theme>(THEME_OPTIONS)

export const ORGANISATION_KIND_OPTIONS = defineOptions([
  { value: 'jichi', label: { ja: '地域自主組織', en: 'Community self-governing body' } },
  { value: 'shakyo', label: { ja: '社会福祉協議会', en: 'Council of social welfare' } },
  { value: 'npo', label: { ja: 'NPO・市民団体', en: 'NPO / civic group' } },
  { value: 'company', label: { ja: '企業', en: 'Company' } },
  { value: 'government', label: { ja: '行政', en: 'Government' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
export type OrganisationKind = (typeof ORGANISATION_KIND_OPTIONS)[number]['value']
export const ORGANISATION_KIND_LABEL = labelsJa<OrganisationKind>(ORGANISATION_KIND_OPTIONS)

export const EVENT_KIND_OPTIONS = defineOptions([
  { value: 'furumai', label: { ja: 'えすこなふるまい市', en: 'Furumai market' } },
  { value: 'kaigi', label: { ja: 'えすこ共助会議', en: 'Mutual-aid meeting' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
export type EventKind = (typeof EVENT_KIND_OPTIONS)[number]['value']
/** On the public site an event of kind "other" is simply an イベント. */
export const EVENT_KIND_LABEL: Record<EventKind, string> = { ...labelsJa<EventKind>(EVENT_KIND_OPTIONS), other: 'イベント' }
/** The event kind whose participating organisations count for KPI 6. */
export const MEETING_EVENT_KIND: EventKind = 'kaigi'

export const AGE_BAND_OPTIONS = defineOptions([
  { value: 'under20', label: { ja: '19歳以下', en: '19 or under' } },
  { value: '20s', label: { ja: '20代', en: '20s' } },
  { value: '30s', label: { ja: '30代', en: '30s' } },
  { value: '40s', label: { ja: '40代', en: '40s' } },
  { value: '50s', label: { ja: '50代', en: '50s' } },
  { value: '60s', label: { ja: '60代', en: '60s' } },
  { value: '70s', label: { ja: '70代', en: '70s' } },
  { value: '80plus', label: { ja: '80歳以上', en: '80 or over' } },
  { value: 'unanswered', label: { ja: '回答しない', en: 'Prefer not to say' } },
])
export type AgeBand = (typeof AGE_BAND_OPTIONS)[number]['value']
export const AGE_BANDS: AgeBand[] = AGE_BAND_OPTIONS.map((o) => o.value)

/** The KPI-1 question of the portal's survey and its five-point scale (5 = strongly agree). */
export const SURVEY_QUESTION = 'お住まいの地域は、助け合える地域だと感じますか'
export const SURVEY_SCALE = defineOptions([
  { value: '5', label: { ja: 'とてもそう感じる', en: 'Strongly agree' } },
  { value: '4', label: { ja: 'ややそう感じる', en: 'Agree' } },
  { value: '3', label: { ja: 'どちらともいえない', en: 'Neutral' } },
  { value: '2', label: { ja: 'あまりそう感じない', en: 'Disagree' } },
  { value: '1', label: { ja: 'まったくそう感じない', en: 'Strongly disagree' } },
])
export type SurveyAnswer = (typeof SURVEY_SCALE)[number]['value']
