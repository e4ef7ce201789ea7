import { defineOptions, labelsJa } from './options'

/** How a new connection came about (つながりのきっかけ), recorded by staff for each connection. */
export const CONNECTION_ORIGIN_OPTIONS = defineOptions([
  { value: 'activity', label: { ja: '日々の活動の中で', en: 'In everyday activity' } },
  { value: 'event', label: { ja: 'イベント・ふるまい市', en: 'At an event' } },
  { value: 'plan', label: { ja: 'ウエルビーイングプランを通じて', en: 'Through a wellbeing plan' } },
  { value: 'introduction', label: { ja: '紹介・口コミ', en: 'Introduction / word of mouth' } },
  { value: 'portal', label: { ja: 'えすこポータルを見て', en: 'Through the portal' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
export type ConnectionOrigin = (typeof CONNECTION_ORIGIN_OPTIONS)[number]['value']
export const CONNECTION_ORIGIN_LABEL = labelsJa<ConnectionOrigin>(CONNECTION_ORIGIN_OPTIONS)
