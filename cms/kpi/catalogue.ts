import type { CollectionSlug, Where } from 'payload'

import { labelsJa, MEETING_EVENT_KIND, type SurveyAnswer, TOWNS } from '../domain/options'
import { PLAN_STATUS_LABEL, PLAN_STATUS_STAMP, publicPlanWhere, realisedPlanWhere } from '../domain/plans'
import { ATTENDED, EVENT_REGISTRATION_STATUS_OPTIONS } from '../domain/submissions'
import { MIN_SAMPLE } from './disclosure'

/**
 * The metric catalogue: for each KPI, what is counted (collection, the date that places a document in a fiscal
 * month, the filter, the bucket), what it is called, how the method note explains it and which open-data
 * columns it fills. The tallies (tallyStore.ts), the report (report.ts), the public pages' method text and the
 * open data (openData.ts) all read this file; nothing else restates a metric.
 *
 * Buckets: every monthly metric has one per fiscal month (Japan time); the survey (KPI 1) and the 共助会議
 * (KPI 6) one per fiscal year.
 */

export const MONTH_LABELS = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月']

/** Town breakdowns: the six towns, then what has no (known) town. */
export const TOWN_COLUMNS = [...TOWNS, 'unknown'] as const
export type TownKey = (typeof TOWN_COLUMNS)[number]
export const TOWN_COLUMN_LABELS: string[] = [...TOWNS, '町不明']

/** An えすこ市民 (KPI 2, and the home page's count): registered or paused; a candidate is not one yet. */
export const countedCitizenWhere = (): Where => ({ status: { in: ['registered', 'paused'] } })

/** Events that took place or will: published and not cancelled (time decides, at read, which have been held). */
export const liveEventWhere = (): Where[] => [{ _status: { equals: 'published' } }, { cancelled: { not_equals: true } }]

export type MonthlyMetric =
  'citizens' | 'participants' | 'plansPublished' | 'plansRealised' | 'connections' | 'storiesPublished' | 'cheers' | 'eventAttendance'
export type MetricKey = MonthlyMetric | 'organisations'

/** The target each metric is held against, in the KPI-targets global. */
export type TargetKey = 'citizens' | 'participants' | 'plansAccumulated' | 'plansRealised' | 'organisations'

/** How a monthly metric is tallied: one bucket per fiscal month, counted from one collection. */
export type MonthlyDef = {
  collection: CollectionSlug
  /** The instant that places a document in a fiscal month. */
  dateField: string
  where?: Where[]
  /** false: count only (high-volume collections with no town). */
  town?: false
  /** Sum this number field instead of counting documents. */
  weightField?: string
  /** Also counted per theme (a document with several themes counts once for each). */
  themes?: true
}

export type MetricDef = {
  key: MetricKey
  /** KPI number in the city's specification (1 is the survey), or null for the supplementary counts. */
  kpi: number | null
  label: string
  unit: string
  /** Counts people (or what people did): the small-cell rule applies. */
  people: boolean
  /** Has a town breakdown (cheers have none). */
  hasTown: boolean
  target: TargetKey | null
  /** How it is counted, for the method note and the open-data page. */
  method: string
}

/** The metrics also counted per theme, in the order of the open-data themes table, with their column labels. */
export const THEMED_METRICS = [
  { key: 'storiesPublished', column: '公開ストーリー数' },
  { key: 'plansPublished', column: '公開プラン数' },
  { key: 'plansRealised', column: '実現プラン数' },
] as const satisfies { key: MonthlyMetric; column: string }[]
export type ThemedMetric = (typeof THEMED_METRICS)[number]['key']

const isThemed = (key: MetricKey) => THEMED_METRICS.some((t) => t.key === key)
const lifecycleStamp = (status: keyof typeof PLAN_STATUS_STAMP) => `lifecycle.${PLAN_STATUS_STAMP[status]}`

type Entry = Omit<MetricDef, 'key' | 'hasTown'> & {
  /** A monthly tally, or the 共助会議 tally (MEETINGS). */
  tally: Omit<MonthlyDef, 'themes'> | 'meetings'
}

// In the order the public pages and the open data list them.
const CATALOGUE: Record<MetricKey, Entry> = {
  citizens: {
    kpi: 2,
    label: 'えすこ市民の創出数',
    unit: '人',
    people: true,
    target: 'citizens',
    method: '年度中に「えすこ市民」になった人（登録済み・休止中）を、えすこ市民になった日で数えます。候補者は含みません。',
    tally: { collection: 'citizens', dateField: 'citizenSince', where: [countedCitizenWhere()] },
  },
  participants: {
    kpi: 3,
    label: '新規参画者数（ユニーク）',
    unit: '人',
    people: true,
    target: 'participants',
    method:
      '投稿・申し込み・応援などで初めて関わった人を、メールアドレス・電話番号の鍵付きハッシュで重複なく数えます（連絡先そのものは集計に使いません）。',
    tally: { collection: 'participants', dateField: 'firstSeenAt' },
  },
  plansPublished: {
    kpi: 4,
    label: 'ウエルビーイングプラン蓄積数',
    unit: '件',
    people: false,
    target: 'plansAccumulated',
    method: '年度中に公開されたプランを公開日で数えます。取り下げられたプランは含みません。',
    tally: { collection: 'plans', dateField: lifecycleStamp('published'), where: [publicPlanWhere()] },
  },
  plansRealised: {
    kpi: 5,
    label: 'ウエルビーイングプラン実現数',
    unit: '件',
    people: false,
    target: 'plansRealised',
    method: `年度中に実現した（状態が「${PLAN_STATUS_LABEL.realised}」になった）プランを実現日で数えます。`,
    tally: { collection: 'plans', dateField: lifecycleStamp('realised'), where: [realisedPlanWhere()] },
  },
  organisations: {
    kpi: 6,
    label: 'えすこ共助会議参画団体数',
    unit: '団体',
    people: false,
    target: 'organisations',
    method: `年度中に開かれた（中止を除く）えすこ共助会議に参加した団体を、重複なく、初めて参加した会議の月で数えます。参加した団体とは、会議の申し込みで代表する団体を選び（新しい団体名は職員が確認して団体に結び付けたもの）、開催後に職員が「${labelsJa(EVENT_REGISTRATION_STATUS_OPTIONS)[ATTENDED]}」とした申し込みの団体と、職員が会議の参画団体として記録した団体です。出席の記録がない申し込み（キャンセル・キャンセル待ちを含む）は数えません。団体名は公開情報です。`,
    tally: 'meetings',
  },
  connections: {
    kpi: null,
    label: '新しいつながり',
    unit: '件',
    people: true,
    target: null,
    method: 'コーディネーターが記録した、人と人・人と団体の新しいつながりを、つながった日で数えます。',
    tally: { collection: 'connections', dateField: 'connectedAt' },
  },
  storiesPublished: {
    kpi: null,
    label: '公開したストーリー',
    unit: '件',
    people: false,
    target: null,
    method: '年度中に公開された「えすこストーリー」を公開日で数えます。',
    tally: { collection: 'stories', dateField: 'publishedAt', where: [{ _status: { equals: 'published' } }] },
  },
  cheers: {
    kpi: null,
    label: '届いた応援',
    unit: '件',
    people: true,
    target: null,
    method: 'ストーリーやプランに届いた応援（いいね・メッセージ）を、届いた日で数えます。町別の集計はありません。',
    tally: { collection: 'cheers', dateField: 'createdAt', town: false },
  },
  eventAttendance: {
    kpi: null,
    label: 'イベント参加者数（延べ）',
    unit: '人',
    people: true,
    target: null,
    method: '年度中に開かれたイベント（中止を除く）の、開催後に記録した参加者数の合計です（延べ人数）。',
    tally: {
      collection: 'events',
      dateField: 'startsAt',
      where: [...liveEventWhere(), { attendance: { exists: true } }],
      weightField: 'attendance',
    },
  },
}

const ENTRIES = Object.entries(CATALOGUE) as [MetricKey, Entry][]

/** The metrics of the report (KPI 2–6 and the supplementary counts), for the pages and the open data. */
export const METRICS: MetricDef[] = ENTRIES.map(([key, { tally, ...def }]) => ({
  key,
  ...def,
  hasTown: tally === 'meetings' || tally.town !== false,
}))

/** The monthly tallies, by metric. */
export const MONTHLY = Object.fromEntries(
  ENTRIES.flatMap(([key, { tally }]) => (tally === 'meetings' ? [] : [[key, { ...tally, ...(isThemed(key) ? { themes: true } : {}) }]])),
) as Record<MonthlyMetric, MonthlyDef>
export const MONTHLY_METRICS = Object.keys(MONTHLY) as MonthlyMetric[]

/**
 * KPI 1, as the contract means it: the city-wide share from the city's own resident survey, one official result
 * per fiscal year recorded by editors (official-survey-results). The first recorded result is the baseline; a
 * year's value is the change, in points, from the result recorded before it.
 *
 * The portal's web survey is a supplementary indicator only: answers that count (one per one-time code; paper
 * answers entered by staff with their method) per fiscal year, by town, shown with the sample size and a 95 %
 * Wilson interval, and not at all below MIN_SAMPLE respondents.
 */
export const SURVEY = {
  kpi: 1,
  label: '助け合える地域だと感じる市民の割合（前年度からの増加ポイント）',
  unit: 'ポイント',
  official: {
    collection: 'official-survey-results',
    label: '市の市民意識調査による割合',
    method:
      '市が実施する市民意識調査の公式結果（年度・割合・有効回答数・出典・調査日）を編集者が記録し、その値から計算します。最初に記録した年度の結果を基準値とし、各年度の実績は、直前に記録した年度の結果からの増加（ポイント）です。ポータルのウェブアンケートは含みません。',
  },
  supplementary: {
    collection: 'survey-responses',
    label: 'ポータルのアンケート（補助指標）',
    /** The open data's row of respondents by town. */
    respondentsLabel: 'ポータルのアンケートの集計対象回答数',
    yearField: 'fiscalYear',
    where: (): Where[] => [{ counted: { equals: true } }],
    positiveAnswers: ['4', '5'] as SurveyAnswer[],
    method: `ポータルのアンケート（「助け合える地域だと感じますか」5段階）で4または5と答えた人の割合です。イベント等で1人1枚配布した使い捨てコード付きのウェブ回答（1コード1回）と、職員が集め方を記録して入力した紙の回答だけを数えます。コードのない回答は保存しますが数えません。無作為抽出ではないため市全体の割合ではなく、KPI1の実績には使いません。回答数と95%信頼区間（Wilson法）を添え、回答が${MIN_SAMPLE}人未満の年度・町の割合は表示しません。`,
  },
} as const

/**
 * KPI 6: the organisations taking part in a 共助会議 (a published, uncancelled event of the meeting kind), each
 * once, dated by the first such meeting of the year. Taking part: an attended registration representing the
 * organisation (staff mark attendance after the meeting), or the organisation listed on the event by staff. One
 * bucket per year, keeping each organisation's name, reading and town, so an organisation's change recounts it too.
 */
export const MEETINGS = {
  collection: 'events',
  kind: MEETING_EVENT_KIND,
  dateField: 'startsAt',
  where: (): Where[] => [{ kind: { equals: MEETING_EVENT_KIND } }, ...liveEventWhere()],
  organisationsField: 'participatingOrganisations',
  organisations: 'organisations',
  registrations: 'event-registrations',
  registrationWhere: (): Where[] => [{ status: { equals: ATTENDED } }, { organisation: { exists: true } }],
  registrationOrganisationField: 'organisation',
} as const satisfies { collection: CollectionSlug; organisations: CollectionSlug; registrations: CollectionSlug } & Record<string, unknown>

/** Every collection a tally counts: a change to one of its documents marks buckets for a recount. */
export const TALLIED_COLLECTIONS: CollectionSlug[] = [
  ...new Set<CollectionSlug>([
    ...MONTHLY_METRICS.map((m) => MONTHLY[m].collection),
    SURVEY.supplementary.collection,
    MEETINGS.collection,
    MEETINGS.organisations,
    MEETINGS.registrations,
  ]),
]
