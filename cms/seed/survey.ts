import type { SurveyResponse } from '../payload-types'
import { TOWNS } from '../domain/options'
import { jst } from './dates'

// The portal's survey 「お住まいの地域は、助け合える地域だと感じますか」 (the supplementary indicator beside KPI 1):
// 60 anonymous answers a year for FY2024 and FY2025, on fixed dates. Paper and event answers carry their method
// and count; web answers carry no one-time code and are kept uncounted.

type Answer = SurveyResponse['answer']
type AgeBand = SurveyResponse['ageBand']
type Channel = SurveyResponse['channel']

export type SeedSurveyResponse = {
  answer: Answer
  town: SurveyResponse['town']
  ageBand: AgeBand
  channel: Channel
  method?: string
  answeredAt: string
}

/**
 * How paper and event answers were collected: recorded with each, which is what makes them count (web answers
 * here carry no one-time code, so they are kept but not counted).
 */
const METHODS: Partial<Record<Channel, string>> = {
  paper: '公民館・支所の窓口で回答用紙を1人1枚配布し、回収箱で回収（デモデータ）',
  event: 'イベント会場で回答用紙を1人1枚配布し、その場で回収（デモデータ）',
}

/**
 * KPI 1 itself: the city's resident survey, one official result a year (demo figures; editors enter the real
 * ones from the city's report). FY2024 is the baseline.
 */
export const OFFICIAL_SURVEY_RESULTS = [
  {
    fiscalYear: 2024,
    share: 44.8,
    sampleSize: 1012,
    source: '雲南市 市民意識調査 令和6年度（デモデータ）',
    surveyDate: jst('2024-09-30', '00:00'),
  },
  {
    fiscalYear: 2025,
    share: 45.3,
    sampleSize: 987,
    source: '雲南市 市民意識調査 令和7年度（デモデータ）',
    surveyDate: jst('2025-09-30', '00:00'),
  },
]

const AGE_BANDS: AgeBand[] = ['70s', '60s', '80plus', '50s', '40s', '30s', '70s', '60s', '20s', 'under20', 'unanswered', '50s']

/** How many answers of each value, listed 5 → 1. */
const DISTRIBUTION: Record<number, Record<Answer, number>> = {
  2024: { '5': 8, '4': 19, '3': 20, '2': 9, '1': 4 },
  2025: { '5': 9, '4': 19, '3': 20, '2': 8, '1': 4 },
}

/** Answer days per fiscal year: the paper survey in autumn, the web form, and the ふるまい市 stand (FY2025). */
const DAYS: Record<number, { date: string; channel: Channel }[]> = {
  2024: [
    { date: '2024-10-15', channel: 'paper' },
    { date: '2024-10-22', channel: 'paper' },
    { date: '2024-11-05', channel: 'web' },
    { date: '2024-12-10', channel: 'web' },
    { date: '2025-01-20', channel: 'paper' },
    { date: '2025-02-17', channel: 'web' },
  ],
  2025: [
    { date: '2025-10-14', channel: 'paper' },
    { date: '2025-10-21', channel: 'paper' },
    { date: '2025-11-03', channel: 'event' },
    { date: '2025-12-09', channel: 'web' },
    { date: '2026-01-19', channel: 'paper' },
    { date: '2026-02-14', channel: 'event' },
  ],
}

export const SURVEY_RESPONSES: SeedSurveyResponse[] = [2024, 2025].flatMap((fy) => {
  const answers = (Object.entries(DISTRIBUTION[fy]) as [Answer, number][])
    .sort(([a], [b]) => Number(b) - Number(a))
    .flatMap(([answer, n]) => Array<Answer>(n).fill(answer))
  // Interleave so that every town, age band and day gets a mix of answers.
  return answers.map((answer, i) => {
    const day = DAYS[fy][i % DAYS[fy].length]
    const minutes = 9 * 60 + ((i * 37) % (8 * 60))
    return {
      answer,
      town: TOWNS[(i * 5 + fy) % TOWNS.length],
      ageBand: AGE_BANDS[(i * 5) % AGE_BANDS.length],
      channel: day.channel,
      ...(METHODS[day.channel] ? { method: METHODS[day.channel] } : {}),
      answeredAt: jst(day.date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`),
    }
  })
})

/** Codes handed out one per person at the FY2025 autumn ふるまい市 (demo). */
export const SURVEY_CODE_BATCH = { label: 'えすこなふるまい市 2025 秋（デモ）', fiscalYear: 2025, count: 40 }

/** Web answers that carried one of those codes: counted, once each. */
export const CODED_WEB_ANSWERS: SeedSurveyResponse[] = (['5', '4', '3'] as Answer[]).map((answer, i) => ({
  answer,
  town: TOWNS[i],
  ageBand: AGE_BANDS[i],
  channel: 'web',
  answeredAt: jst('2025-11-04', `2${i}:00`),
}))
