import { TOWNS } from '../domain/options'
import { MONTH_LABELS, SURVEY, THEMED_METRICS, TOWN_COLUMN_LABELS } from './catalogue'
import { MIN_CELL, SUPPRESSED_LABEL, SUPPRESSION_NOTE } from './disclosure'
import { reiwaLabel } from '../domain/fiscalYear'
import type { OfficialResult, PublicKpiReport, PublicSample, PublicSurvey } from './publicReport'

/**
 * The open-data tables (/open-data/*.csv|json) of a public KPI report: rows and columns from the catalogue's
 * metrics, cells as the small-cell rule left them, with the licence and attribution they are published under.
 */

export const LICENCE = {
  name: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）',
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
}
export const ATTRIBUTION = '出典：雲南市 えすこポータル'

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
  { key: 'towns', title: '町別の集計', description: `各指標の町別（${TOWNS.join('・')}）の件数・人数です。` },
  {
    key: 'themes',
    title: 'テーマ別の集計',
    description: 'テーマごとの公開ストーリー数、公開プラン数、実現プラン数です（1件が複数のテーマを持つことがあります）。',
  },
]

export const isDatasetKey = (value: string | undefined): value is DatasetKey => DATASETS.some((d) => d.key === value)

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/** What a target the contract (or an editor) has not set reads as, here and on the pages. */
export const NOT_SET = '未設定'

const percent = (n: number) => `${round1(n)}%`

/** KPI 1's basis: this year's official result and the one it is compared with, with sample sizes and sources. */
export function officialNote(official: PublicSurvey['official']): string {
  const result = (r: OfficialResult) => `${reiwaLabel(r.fiscalYear)} ${percent(r.share)}（有効回答${r.sampleSize}人、${r.source}）`
  if (!official.current)
    return official.previous
      ? `この年度の市民意識調査の結果は未記録です。直前の結果：${result(official.previous)}`
      : '市民意識調査の結果は未記録です。'
  const parts = [`今年度：${result(official.current)}`]
  if (official.previous) parts.push(`比較：${result(official.previous)}`)
  else parts.push('最初に記録した結果のため基準値です（増加ポイントはありません）')
  if (
    official.baseline &&
    official.baseline.fiscalYear !== official.current.fiscalYear &&
    official.baseline.fiscalYear !== official.previous?.fiscalYear
  )
    parts.push(`基準値：${result(official.baseline)}`)
  return parts.join('。')
}

/** The portal survey's sample: size and 95 % interval, or why no share is shown. */
export function sampleNote(sample: PublicSample, minimum: number): string {
  if (sample.share === null || !sample.interval) {
    return `集計対象の回答が${minimum}人未満のため割合は表示しません（回答${sample.respondents === null ? SUPPRESSED_LABEL : `${sample.respondents}人`}）。補助指標でありKPI1の実績ではありません。`
  }
  return `集計対象の回答${sample.respondents}人、95%信頼区間 ${percent(sample.interval.low)}〜${percent(sample.interval.high)}。補助指標でありKPI1の実績ではありません。`
}

const LEADING_COLUMNS = [
  { key: 'fiscalYear', label: '年度' },
  { key: 'metric', label: '指標' },
  { key: 'unit', label: '単位' },
]

export function buildDataset(report: PublicKpiReport, key: DatasetKey): Dataset {
  const meta = DATASETS.find((d) => d.key === key)!
  const base = { key, title: meta.title, description: meta.description }
  const fy = report.fiscalYear
  if (key === 'summary') {
    const { official, supplementary } = report.survey
    const target = (value: number | null) => (value === null ? NOT_SET : value)
    const rows: Record<string, Cell>[] = [
      {
        fiscalYear: fy,
        kpi: SURVEY.kpi,
        metric: SURVEY.label,
        unit: SURVEY.unit,
        value: official.changePoints === null ? undefined : Math.round(official.changePoints * 100) / 100,
        target: target(report.survey.target),
        achievement:
          official.changePoints !== null && report.survey.target ? round1((official.changePoints / report.survey.target) * 100) : undefined,
        note: officialNote(official),
      },
      {
        fiscalYear: fy,
        kpi: undefined,
        metric: SURVEY.supplementary.label,
        unit: '%',
        value: supplementary.current.share === null ? undefined : round1(supplementary.current.share),
        note: sampleNote(supplementary.current, supplementary.minimumSample),
      },
      ...report.metrics.map((m) => ({
        fiscalYear: fy,
        kpi: m.kpi ?? undefined,
        metric: m.label,
        unit: m.unit,
        value: m.total,
        target: m.target ? target(m.targetValue) : undefined,
        achievement: round1(m.achievement) ?? undefined,
      })),
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
        { key: 'note', label: '備考' },
      ],
      rows,
    }
  }
  if (key === 'monthly') {
    const months = MONTH_LABELS.map((label, i) => ({ key: `m${String(i + 1).padStart(2, '0')}`, label }))
    return {
      ...base,
      columns: [...LEADING_COLUMNS, ...months, { key: 'total', label: '年度計' }],
      rows: report.metrics.map((m) => ({
        fiscalYear: fy,
        metric: m.label,
        unit: m.unit,
        ...Object.fromEntries(months.map((c, i) => [c.key, m.byMonth[i]])),
        total: m.total,
      })),
    }
  }
  if (key === 'towns') {
    const towns = TOWN_COLUMN_LABELS.map((label, i) => ({ key: `t${i + 1}`, label }))
    const metricRows = report.metrics
      .filter((m) => m.hasTown)
      .map((m) => ({
        fiscalYear: fy,
        metric: m.label,
        unit: m.unit,
        ...Object.fromEntries(towns.map((c, i) => [c.key, m.byTown[i]])),
        total: m.total,
      }))
    const surveyRow = {
      fiscalYear: fy,
      metric: SURVEY.supplementary.respondentsLabel,
      unit: '人',
      ...Object.fromEntries(towns.map((c, i) => [c.key, i < TOWNS.length ? report.survey.supplementary.byTown[i].respondents : 0])),
      total: report.survey.supplementary.byTownTotal,
    }
    return {
      ...base,
      columns: [...LEADING_COLUMNS, ...towns, { key: 'total', label: '合計' }],
      rows: [...metricRows, surveyRow],
    }
  }
  return {
    ...base,
    columns: [
      { key: 'fiscalYear', label: '年度' },
      { key: 'theme', label: 'テーマ' },
      ...THEMED_METRICS.map((t) => ({ key: t.key, label: t.column })),
    ],
    rows: report.themes.map((t) => ({
      fiscalYear: fy,
      theme: t.label,
      ...Object.fromEntries(THEMED_METRICS.map(({ key }) => [key, t[key]])),
    })),
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
  const lines = [
    dataset.columns.map((c) => csvCell(c.label)),
    ...dataset.rows.map((row) => dataset.columns.map((c) => csvCell(row[c.key]))),
  ]
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
