type Option = { value: string; label: { ja: string; en: string } }

/** The six towns of Unnan City, in the city's usual order. */
export const TOWNS = ['大東町', '加茂町', '木次町', '三刀屋町', '吉田町', '掛合町'] as const
export type Town = (typeof TOWNS)[number]

export const TOWN_OPTIONS: Option[] = [
  { value: '大東町', label: { ja: '大東町', en: 'Daitō' } },
  { value: '加茂町', label: { ja: '加茂町', en: 'Kamo' } },
  { value: '木次町', label: { ja: '木次町', en: 'Kisuki' } },
  { value: '三刀屋町', label: { ja: '三刀屋町', en: 'Mitoya' } },
  { value: '吉田町', label: { ja: '吉田町', en: 'Yoshida' } },
  { value: '掛合町', label: { ja: '掛合町', en: 'Kakeya' } },
]
if (TOWN_OPTIONS.some((o, i) => o.value !== TOWNS[i])) throw new Error('TOWN_OPTIONS must follow TOWNS')

export const THEME_OPTIONS: Option[] = [
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
]

export const THEMES = THEME_OPTIONS.map((o) => o.value)
