/**
 * The small-cell rule (APPI: in small districts a count of one to four people can identify them). Every public
 * figure that counts people goes through here: the progress page, the printed report and the open data.
 * Pure functions; cms/kpi/publicReport.ts applies them to a KPI report.
 */

/** The smallest count of people a public cell may show. */
export const MIN_CELL = 5

/** What a suppressed cell reads as in tables and CSV files. */
export const SUPPRESSED_LABEL = `${MIN_CELL}未満`
export const SUPPRESSION_NOTE = `個人が特定されることを防ぐため、人数が1〜${MIN_CELL - 1}の欄は「${SUPPRESSED_LABEL}」と表示しています。引き算で元の数が分かってしまう場合は、ほかの欄や合計も同じように伏せています。`

/**
 * Cells of a breakdown: a cell counting 1–4 people becomes null; where that leaves exactly one hidden cell in
 * a row whose total is shown, the next smallest cell is hidden too, so no cell can be worked out by subtraction.
 */
export function suppressSmallCells(cells: number[], min = MIN_CELL): (number | null)[] {
  const out: (number | null)[] = cells.map((n) => (n > 0 && n < min ? null : n))
  const hidden = out.filter((v) => v === null).length
  if (hidden === 1) {
    let candidate = -1
    out.forEach((v, i) => {
      if (v !== null && v > 0 && (candidate < 0 || v < (out[candidate] as number))) candidate = i
    })
    if (candidate >= 0) out[candidate] = null
  }
  return out
}

export type PublicRow = { cells: (number | null)[]; total: number | null }

/**
 * A whole row (cells and their total): suppressSmallCells on the cells, then the total is hidden too when it
 * is itself 1–4, or when exactly one cell is hidden (the lone hidden cell could otherwise be worked out as
 * total − shown cells).
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
export function suppressBreakdown(
  byMonth: number[],
  byTown: number[],
  min = MIN_CELL,
): { byMonth: (number | null)[]; byTown: (number | null)[]; total: number | null } {
  const month = suppressRow(byMonth, min)
  const town = suppressRow(byTown, min)
  return { byMonth: month.cells, byTown: town.cells, total: month.total === null || town.total === null ? null : month.total }
}

/**
 * The portal's survey (a self-selected sample) shows a share only from this many counted answers, always with
 * its sample size and 95 % interval: below it the interval is too wide to say anything.
 */
export const MIN_SAMPLE = 30

/** A share of the portal's survey may be shown only when at least MIN_SAMPLE counted answers stand behind it. */
export const showsShare = (respondents: number): boolean => respondents >= MIN_SAMPLE

export type Interval = { low: number; high: number }

/** The 95 % Wilson score interval of a share, in percent (sound for small samples and shares near 0 or 100). */
export function wilsonInterval(positive: number, respondents: number, z = 1.96): Interval | null {
  if (respondents <= 0) return null
  const p = positive / respondents
  const z2 = z * z
  const denominator = 1 + z2 / respondents
  const centre = (p + z2 / (2 * respondents)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / respondents + z2 / (4 * respondents * respondents))
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 }
}
