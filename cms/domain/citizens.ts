import { defineOptions } from './options'

/** えすこ市民: a candidate becomes public only once registered (and only with publication consent). */
export const CITIZEN_STATUS_OPTIONS = defineOptions([
  { value: 'candidate', label: { ja: '候補', en: 'Candidate' } },
  { value: 'registered', label: { ja: '登録', en: 'Registered' } },
  { value: 'paused', label: { ja: '休止', en: 'Paused' } },
])
export type CitizenStatus = (typeof CITIZEN_STATUS_OPTIONS)[number]['value']
/** The one status whose (consented) profiles the public may see. */
export const PUBLIC_CITIZEN_STATUS: CitizenStatus = 'registered'

export const DISCOVERY_CHANNEL_OPTIONS = defineOptions([
  { value: 'nomination', label: { ja: '住民からの推薦', en: 'Nominated by a resident' } },
  { value: 'self', label: { ja: '本人からの申し出', en: 'Came forward' } },
  { value: 'organisation', label: { ja: '団体からの紹介', en: 'Introduced by an organisation' } },
  { value: 'event', label: { ja: 'イベントで出会った', en: 'Met at an event' } },
  { value: 'coordinator', label: { ja: 'コーディネーターが発掘', en: 'Found by a coordinator' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
