import type { SurveyResponse } from '../payload-types'
import { TOWNS } from '../domain/options'
import { jst } from './dates'

// The KPI-1 survey 「お住まいの地域は、助け合える地域だと感じますか」: 60 anonymous answers a year for
// FY2024 (baseline) and FY2025, on fixed dates. The share answering 4 or 5 rises a little:
// FY2024 27/60 = 45.0 %, FY2025 28/60 ≈ 46.7 % (+1.7 points; the FY2025 target is +0.26).

type Answer = SurveyResponse['answer']
type AgeBand = SurveyResponse['ageBand']
type Channel = SurveyResponse['channel']

export type SeedSurveyResponse = { answer: Answer; town: SurveyResponse['town']; ageBand: AgeBand; channel: Channel; answeredAt: string }

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
      answeredAt: jst(day.date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`),
    }
  })
})
