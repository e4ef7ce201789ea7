/**
 * Time in the admin: the programme runs in Unnan only, so every date is Japan time and nobody is asked for a
 * timezone. Payload's timezone support is kept (a date-time is then shown and entered as Japan time whatever
 * the browser's clock says), narrowed to this one zone.
 */
export const JAPAN_TIMEZONE = 'Asia/Tokyo'

/** `admin.timezones` of the config: one zone, which Payload then also uses as every `_tz` field's default. */
export const ADMIN_TIMEZONES = {
  defaultTimezone: JAPAN_TIMEZONE,
  supportedTimezones: [{ label: '日本時間', value: JAPAN_TIMEZONE }],
}

/** date-fns patterns of the admin (list cells, titles): 2026年4月1日 09:30 / 2026年4月1日. */
export const ADMIN_DATE_TIME_FORMAT = 'yyyy年M月d日 HH:mm'
export const ADMIN_DAY_FORMAT = 'yyyy年M月d日'

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000

/**
 * The instant that shows in Japan the wall-clock time `iso` showed in `zone`: a day entered while the old form
 * said "(UTC-11:00) Midway Island" was meant as that day in Unnan. An unknown zone leaves the instant as it is.
 */
export function sameWallClockInJapan(iso: string, zone: string): string {
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime()) || zone === JAPAN_TIMEZONE) return iso
  let parts: Record<string, string>
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]))
  } catch {
    return iso
  }
  const wallClock = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
    instant.getUTCMilliseconds(),
  )
  return new Date(wallClock - JAPAN_OFFSET_MS).toISOString()
}
