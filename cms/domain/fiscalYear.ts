const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000

/** Japanese fiscal year (April–March, Asia/Tokyo) of an instant: 2026-03-31T23:59 JST → 2025. */
export function fiscalYearOf(date: Date): number {
  const tokyo = new Date(date.getTime() + TOKYO_OFFSET_MS)
  const year = tokyo.getUTCFullYear()
  return tokyo.getUTCMonth() >= 3 ? year : year - 1
}

/** [start, end) of a fiscal year as UTC instants: FY2025 = 2025-04-01T00:00+09:00 … 2026-04-01T00:00+09:00. */
export function fiscalYearRange(fy: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(fy, 3, 1) - TOKYO_OFFSET_MS),
    end: new Date(Date.UTC(fy + 1, 3, 1) - TOKYO_OFFSET_MS),
  }
}

/** [start, end) of fiscal month 0 (April) … 11 (March) of a fiscal year, in Japan time. */
export const fiscalMonthRange = (fy: number, month: number): { start: Date; end: Date } => ({
  start: new Date(Date.UTC(fy, 3 + month, 1) - TOKYO_OFFSET_MS),
  end: new Date(Date.UTC(fy, 4 + month, 1) - TOKYO_OFFSET_MS),
})

/** 令和 label: 2025 → 令和7年度. */
export const reiwaLabel = (fy: number): string => `令和${fy - 2018}年度`

/** 0 = April … 11 = March, in Japan time. */
export const fiscalMonthIndex = (iso: string | Date): number => {
  const tokyo = new Date(new Date(iso).getTime() + TOKYO_OFFSET_MS)
  return (tokyo.getUTCMonth() + 9) % 12
}

/** The programme's first fiscal year (令和7年度); earlier years have no data. */
export const FIRST_FISCAL_YEAR = 2025

/**
 * A fiscal year named in a URL or form (`2025`, `['2025']`), else null. By default only the years the public
 * pages offer (the programme's first up to the current one; the caller answers 404 or falls back);
 * `{ anyYear: true }` accepts any year 2000–2100 (staff asking about a period before the programme).
 */
export function parseFiscalYear(value: unknown, options: { now?: Date; anyYear?: boolean } = {}): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) return null
  const fy = Number(text)
  const [min, max] = options.anyYear ? [2000, 2100] : [FIRST_FISCAL_YEAR, fiscalYearOf(options.now ?? new Date())]
  return fy >= min && fy <= max ? fy : null
}

/** Fiscal years the public pages offer, newest first. */
export const availableFiscalYears = (now = new Date()): number[] => {
  const years: number[] = []
  for (let fy = fiscalYearOf(now); fy >= FIRST_FISCAL_YEAR; fy--) years.push(fy)
  return years
}
