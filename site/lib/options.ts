import { THEME_OPTIONS, TOWN_OPTIONS, TOWNS } from '../../cms/fields/options'

export { TOWNS }

export const THEME_LABEL: Record<string, string> = Object.fromEntries(THEME_OPTIONS.map((o) => [o.value, o.label.ja]))
export const THEMES = THEME_OPTIONS.map((o) => ({ value: o.value, label: o.label.ja }))
export const TOWN_CHOICES = TOWN_OPTIONS.map((o) => o.value)

export const PLAN_KIND_LABEL: Record<string, string> = {
  want_to_try: 'やってみたい',
  challenge: '挑戦したい',
  use_skill: '得意を活かしたい',
}

export const PLAN_STATUS_LABEL: Record<string, string> = {
  received: '受付',
  published: '募集中',
  in_progress: '進行中',
  realised: '実現',
  withdrawn: '取り下げ',
}

export const EVENT_KIND_LABEL: Record<string, string> = {
  furumai: 'えすこなふるまい市',
  kaigi: 'えすこ共助会議',
  other: 'イベント',
}

export const ORG_KIND_LABEL: Record<string, string> = {
  jichi: '地域自主組織',
  shakyo: '社会福祉協議会',
  npo: 'NPO・市民団体',
  company: '企業',
  government: '行政',
  other: 'その他',
}
