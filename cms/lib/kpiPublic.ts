import type { Payload } from 'payload'

import { THEME_OPTIONS, TOWNS } from '../fields/options'
import { readTallies, themeTotals } from './kpiTallies'
import { type Breakdown, type KpiReport, MIN_CELL, MONTH_LABELS, suppressSmallCells } from './kpi'

/**
 * The public (resident-facing and open-data) view of a KpiReport: aggregates only, with the small-cell rule
 * applied to every breakdown that counts people. Pure functions, apart from themeCounts (from the KPI tallies).
 */

export { MIN_CELL, MONTH_LABELS }

/** What a suppressed cell reads as in tables and CSV files. */
export const SUPPRESSED_LABEL = `${MIN_CELL}未満`
export const SUPPRESSION_NOTE = `個人が特定されることを防ぐため、人数が1〜${MIN_CELL - 1}の欄は「${SUPPRESSED_LABEL}」と表示しています。引き算で元の数が分かってしまう場合は、ほかの欄や合計も同じように伏せています。`
export const LICENCE = { name: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）', id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' }
export const ATTRIBUTION = '出典：雲南市 えすこポータル'
export const TOWN_COLUMNS = [...TOWNS, 'unknown'] as const
export const TOWN_COLUMN_LABELS = [...TOWNS, '町不明'] as string[]

export type PublicRow = { cells: (number | null)[]; total: number | null }

/**
 * The small-cell rule for a whole row (cells and their total): suppressSmallCells on the cells, then the total
 * is hidden too when it is itself 1–4, or when exactly one cell is hidden (the lone hidden cell could
 * otherwise be worked out as total − shown cells).
 */
export function suppressRow(cells: number[], min = MIN_CELL): PublicRow {
  const total = cells.reduce((sum, n) => sum + n, 0)
  const out = suppressSmallCells(cells, min)
  const hidden = out.filter((v) => v === null).length
  const hideTotal = (total > 0 && total < min) || hidden === 1
  return { cells: out, total: hideTotal ? null : total }
}

/**
 * Two breakdowns of the same total (by month, by town): each row is suppressed on its own, and the shared
 * total is hidden when either row needs it hidden.
 */
export function suppressBreakdown(byMonth: number[], byTown: number[], min = MIN_CELL): { byMonth: (number | null)[]; byTown: (number | null)[]; total: number | null } {
  const month = suppressRow(byMonth, min)
  const town = suppressRow(byTown, min)
  return { byMonth: month.cells, byTown: town.cells, total: month.total === null || town.total === null ? null : month.total }
}

export type MetricKey =
  | 'citizens'
  | 'participants'
  | 'plansPublished'
  | 'plansRealised'
  | 'organisations'
  | 'connections'
  | 'storiesPublished'
  | 'cheers'
  | 'eventAttendance'

type TargetKey = 'citizens' | 'participants' | 'plansAccumulated' | 'plansRealised' | 'organisations'

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

export const METRICS: MetricDef[] = [
  { key: 'citizens', kpi: 2, label: 'えすこ市民の創出数', unit: '人', people: true, hasTown: true, target: 'citizens', method: '年度中に「えすこ市民」になった人（登録済み・休止中）を、えすこ市民になった日で数えます。候補者は含みません。' },
  { key: 'participants', kpi: 3, label: '新規参画者数（ユニーク）', unit: '人', people: true, hasTown: true, target: 'participants', method: '投稿・申し込み・応援などで初めて関わった人を、メールアドレス・電話番号の鍵付きハッシュで重複なく数えます（連絡先そのものは集計に使いません）。' },
  { key: 'plansPublished', kpi: 4, label: 'ウエルビーイングプラン蓄積数', unit: '件', people: false, hasTown: true, target: 'plansAccumulated', method: '年度中に公開されたプランを公開日で数えます。取り下げられたプランは含みません。' },
  { key: 'plansRealised', kpi: 5, label: 'ウエルビーイングプラン実現数', unit: '件', people: false, hasTown: true, target: 'plansRealised', method: '年度中に実現したプランを実現日で数えます。' },
  { key: 'organisations', kpi: 6, label: 'えすこ共助会議参画団体数', unit: '団体', people: false, hasTown: true, target: 'organisations', method: '年度中に開かれた（中止を除く）えすこ共助会議に参加した団体を、重複なく、初めて参加した会議の月で数えます。団体名は公開情報です。' },
  { key: 'connections', kpi: null, label: '新しいつながり', unit: '件', people: true, hasTown: true, target: null, method: 'コーディネーターが記録した、人と人・人と団体の新しいつながりを、つながった日で数えます。' },
  { key: 'storiesPublished', kpi: null, label: '公開したストーリー', unit: '件', people: false, hasTown: true, target: null, method: '年度中に公開された「えすこストーリー」を公開日で数えます。' },
  { key: 'cheers', kpi: null, label: '届いた応援', unit: '件', people: true, hasTown: false, target: null, method: 'ストーリーやプランに届いた応援（いいね・メッセージ）を、届いた日で数えます。町別の集計はありません。' },
  { key: 'eventAttendance', kpi: null, label: 'イベント参加者数（延べ）', unit: '人', people: true, hasTown: true, target: null, method: '年度中に開かれたイベント（中止を除く）の、開催後に記録した参加者数の合計です（延べ人数）。' },
]

export const SURVEY_METHOD =
  '市民アンケートで「助け合える地域だと感じる」に5段階で4または5と答えた人の割合を年度ごとに求め、前年度からの増加（ポイント）を目標と比べます。回答者が5人未満の町の割合は表示しません。'
export const FISCAL_YEAR_NOTE = '年度は4月1日から翌年3月31日まで（日本時間）です。各月の集計も日本時間で区切っています。'

export type PublicMetric = MetricDef & {
  total: number | null
  targetValue: number | null
  /** total / target × 100, when both are shown. */
  achievement: number | null
  byMonth: (number | null)[]
  byTown: (number | null)[]
}

export type PublicSurvey = {
  target: number | null
  current: { respondents: number | null; share: number | null }
  previous: { respondents: number | null; share: number | null }
  changePoints: number | null
  byTown: { town: string; respondents: number | null; share: number | null }[]
  /** Respondents in the six towns together (hidden with the town row when the rule needs it). */
  byTownTotal: number | null
}

export type ThemeCount = { theme: string; label: string; storiesPublished: number; plansPublished: number; plansRealised: number }

export type PublicKpiReport = {
  fiscalYear: number
  label: string
  range: { start: string; end: string }
  generatedAt: string
  metrics: PublicMetric[]
  survey: PublicSurvey
  /** Organisations that took part in 共助会議 (public names). */
  organisationNames: string[]
  eventsHeld: number
  themes: ThemeCount[]
}

const publicMetric = (def: MetricDef, b: Breakdown, targets: KpiReport['targets']): PublicMetric => {
  const byTownRaw = TOWN_COLUMNS.map((t) => b.byTown[t] ?? 0)
  let total: number | null = b.total
  let byMonth: (number | null)[] = b.byMonth
  let byTown: (number | null)[] = def.hasTown ? byTownRaw : TOWN_COLUMNS.map(() => null)
  if (def.people) {
    if (def.hasTown) {
      const s = suppressBreakdown(b.byMonth, byTownRaw)
      ;({ total, byMonth, byTown } = s)
    } else {
      const s = suppressRow(b.byMonth)
      total = s.total
      byMonth = s.cells
    }
  }
  const targetValue = def.target && targets ? (targets[def.target] as number) : null
  return { ...def, total, targetValue, achievement: total !== null && targetValue ? (total / targetValue) * 100 : null, byMonth, byTown }
}

const shareOf = (respondents: number, share: number | null) => {
  const shown = respondents >= MIN_CELL
  return { respondents: shown ? respondents : respondents === 0 ? 0 : null, share: shown ? share : null }
}

/** The public view of a KPI report: no names of people, no cell counting 1–4 people. */
export function toPublicReport(report: KpiReport, themes: ThemeCount[] = []): PublicKpiReport {
  const metrics = METRICS.map((def) => publicMetric(def, report[def.key], report.targets))
  const townRespondents = suppressRow(TOWNS.map((t) => report.survey.byTown[t].respondents))
  const current = shareOf(report.survey.current.respondents, report.survey.current.share)
  const previous = shareOf(report.survey.previous.respondents, report.survey.previous.share)
  return {
    fiscalYear: report.fiscalYear,
    label: report.label,
    range: report.range,
    generatedAt: report.generatedAt,
    metrics,
    survey: {
      target: report.targets?.surveyPointIncrease ?? null,
      current,
      previous,
      changePoints: current.share !== null && previous.share !== null ? report.survey.changePoints : null,
      byTown: TOWNS.map((town, i) => {
        const respondents = townRespondents.cells[i]
        return { town, respondents, share: respondents !== null && respondents >= MIN_CELL ? report.survey.byTown[town].share : null }
      }),
      byTownTotal: townRespondents.total,
    },
    organisationNames: report.organisations.names,
    eventsHeld: report.eventAttendance.events,
    themes,
  }
}

/** Stories published, plans published and plans realised in the fiscal year, per theme (an item can have several). */
export async function themeCounts(payload: Payload, fiscalYear: number): Promise<ThemeCount[]> {
  const rows = await readTallies(payload, [fiscalYear])
  const [s, p, r] = (['storiesPublished', 'plansPublished', 'plansRealised'] as const).map((metric) => themeTotals(rows, metric, fiscalYear))
  return THEME_OPTIONS.map((o) => ({ theme: o.value, label: o.label.ja, storiesPublished: s.get(o.value) ?? 0, plansPublished: p.get(o.value) ?? 0, plansRealised: r.get(o.value) ?? 0 }))
}

// ---------------------------------------------------------------------------------------------------
// Open-data tables

export type DatasetKey = 'summary' | 'monthly' | 'towns' | 'themes'
/** null: suppressed by the small-cell rule (「5未満」); undefined / missing: not applicable (empty). */
export type Cell = string | number | null | undefined
export type Dataset = {
  key: DatasetKey
  title: string
  description: string
  columns: { key: string; label: string }[]
  rows: Record<string, Cell>[]
}

export const DATASETS: { key: DatasetKey; title: string; description: string }[] = [
  { key: 'summary', title: 'KPIの実績と目標', description: '6つのKPIと補助指標の年度実績、目標、達成率です。' },
  { key: 'monthly', title: '月別の集計', description: '各指標の月別の件数・人数です（4月〜3月）。' },
  { key: 'towns', title: '町別の集計', description: '各指標の町別（大東町・加茂町・木次町・三刀屋町・吉田町・掛合町）の件数・人数です。' },
  { key: 'themes', title: 'テーマ別の集計', description: 'テーマごとの公開ストーリー数、公開プラン数、実現プラン数です（1件が複数のテーマを持つことがあります）。' },
]

export const isDatasetKey = (value: string | undefined): value is DatasetKey => DATASETS.some((d) => d.key === value)

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

export function buildDataset(report: PublicKpiReport, key: DatasetKey): Dataset {
  const meta = DATASETS.find((d) => d.key === key)!
  const base = { key, title: meta.title, description: meta.description }
  const fy = report.fiscalYear
  if (key === 'summary') {
    const rows: Record<string, Cell>[] = [
      {
        fiscalYear: fy,
        kpi: 1,
        metric: '助け合える地域だと感じる市民の割合（前年度からの増加ポイント）',
        unit: 'ポイント',
        value: report.survey.changePoints !== null ? Math.round(report.survey.changePoints * 100) / 100 : report.survey.current.respondents === null ? null : undefined,
        target: report.survey.target ?? undefined,
        achievement: report.survey.changePoints !== null && report.survey.target ? round1((report.survey.changePoints / report.survey.target) * 100) : undefined,
      },
      ...report.metrics.map((m) => ({ fiscalYear: fy, kpi: m.kpi ?? undefined, metric: m.label, unit: m.unit, value: m.total, target: m.targetValue ?? undefined, achievement: round1(m.achievement) ?? undefined })),
    ]
    return {
      ...base,
      columns: [
        { key: 'fiscalYear', label: '年度' },
        { key: 'kpi', label: 'KPI番号' },
        { key: 'metric', label: '指標' },
        { key: 'unit', label: '単位' },
        { key: 'value', label: '実績' },
        { key: 'target', label: '目標' },
        { key: 'achievement', label: '達成率（%）' },
      ],
      rows,
    }
  }
  if (key === 'monthly') {
    const months = MONTH_LABELS.map((label, i) => ({ key: `m${String(i + 1).padStart(2, '0')}`, label }))
    return {
      ...base,
      columns: [{ key: 'fiscalYear', label: '年度' }, { key: 'metric', label: '指標' }, { key: 'unit', label: '単位' }, ...months, { key: 'total', label: '年度計' }],
      rows: report.metrics.map((m) => ({ fiscalYear: fy, metric: m.label, unit: m.unit, ...Object.fromEntries(months.map((c, i) => [c.key, m.byMonth[i]])), total: m.total })),
    }
  }
  if (key === 'towns') {
    const towns = TOWN_COLUMN_LABELS.map((label, i) => ({ key: `t${i + 1}`, label }))
    const metricRows = report.metrics
      .filter((m) => m.hasTown)
      .map((m) => ({ fiscalYear: fy, metric: m.label, unit: m.unit, ...Object.fromEntries(towns.map((c, i) => [c.key, m.byTown[i]])), total: m.total }))
    const surveyRow = {
      fiscalYear: fy,
      metric: '市民アンケート回答者数',
      unit: '人',
      ...Object.fromEntries(towns.map((c, i) => [c.key, i < TOWNS.length ? report.survey.byTown[i].respondents : 0])),
      total: report.survey.byTownTotal,
    }
    return {
      ...base,
      columns: [{ key: 'fiscalYear', label: '年度' }, { key: 'metric', label: '指標' }, { key: 'unit', label: '単位' }, ...towns, { key: 'total', label: '合計' }],
      rows: [...metricRows, surveyRow],
    }
  }
  return {
    ...base,
    columns: [
      { key: 'fiscalYear', label: '年度' },
      { key: 'theme', label: 'テーマ' },
      { key: 'storiesPublished', label: '公開ストーリー数' },
      { key: 'plansPublished', label: '公開プラン数' },
      { key: 'plansRealised', label: '実現プラン数' },
    ],
    rows: report.themes.map((t) => ({ fiscalYear: fy, theme: t.label, storiesPublished: t.storiesPublished, plansPublished: t.plansPublished, plansRealised: t.plansRealised })),
  }
}

const csvCell = (value: Cell): string => {
  if (value === null) return SUPPRESSED_LABEL
  if (value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** CSV, UTF-8 with a byte-order mark (for Excel), CRLF line ends, Japanese headers; null cells read 「5未満」. */
export function datasetCsv(dataset: Dataset): string {
  const lines = [dataset.columns.map((c) => csvCell(c.label)), ...dataset.rows.map((row) => dataset.columns.map((c) => csvCell(row[c.key])))]
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`
}

/** JSON with the licence, attribution and the meaning of null alongside the rows. */
export function datasetJson(report: PublicKpiReport, dataset: Dataset) {
  return {
    title: `えすこな雲南市 ${dataset.title}（${report.label}）`,
    dataset: dataset.key,
    description: dataset.description,
    fiscalYear: report.fiscalYear,
    fiscalYearLabel: report.label,
    period: report.range,
    generatedAt: report.generatedAt,
    licence: LICENCE,
    attribution: ATTRIBUTION,
    suppression: { minimumCell: MIN_CELL, nullMeans: SUPPRESSED_LABEL, note: SUPPRESSION_NOTE },
    columns: dataset.columns,
    rows: dataset.rows,
  }
}
