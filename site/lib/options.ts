// The site's door to the domain vocabulary (cms/domain/): pages and components import labels and lists from here.
import { THEME_OPTIONS, TOWNS } from '../../cms/domain/options'
import { PLAN_STATUS_LABEL, PLAN_STATUS_STAMP, PLAN_STATUSES } from '../../cms/domain/plans'

export {
  AGE_BAND_OPTIONS,
  AGE_BANDS,
  EVENT_KIND_LABEL,
  MEETING_EVENT_KIND,
  RESIDENCE_OPTIONS,
  ORGANISATION_KIND_LABEL,
  SURVEY_QUESTION,
  SURVEY_SCALE,
  THEME_LABEL,
  TOWNS,
  valuesOf,
} from '../../cms/domain/options'
export type { Town } from '../../cms/domain/options'
export {
  isPublicPlan,
  isRealised,
  PLAN_KIND_HINT,
  PLAN_KIND_LABEL,
  PLAN_KIND_OPTIONS,
  PLAN_KINDS,
  PLAN_STATUS_PUBLIC_LABEL,
  PUBLIC_PLAN_STATUSES,
} from '../../cms/domain/plans'
export { SUPPORT_OFFER_KIND_OPTIONS } from '../../cms/domain/submissions'
export { EMAIL_MESSAGE, EMAIL_PATTERN, PHONE_MESSAGE, PHONE_PATTERN } from '../../cms/domain/contact'

/** Theme filter choices, labelled in Japanese. */
export const THEMES = THEME_OPTIONS.map((o) => ({ value: o.value, label: o.label.ja }))
export const TOWN_CHOICES = [...TOWNS]

/** The steps a plan's page shows with their dates (取り下げ is never public): stamp field and label. */
export const PLAN_TIMELINE = PLAN_STATUSES.filter((s) => s !== 'withdrawn').map(
  (s) => [PLAN_STATUS_STAMP[s], PLAN_STATUS_LABEL[s]] as const,
)
