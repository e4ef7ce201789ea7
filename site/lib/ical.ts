import type { EventCard } from './events'

type CalendarEvent = EventCard & { updatedAt?: string; createdAt?: string }

/**
 * RFC 5545 SEQUENCE must grow with every revision, so calendars that subscribed replace their copy: the seconds from
 * the event's creation to its last change grow with every save, without a counter to keep.
 */
export const sequenceOf = (e: Pick<CalendarEvent, 'createdAt' | 'updatedAt'>): number =>
  e.createdAt && e.updatedAt ? Math.max(0, Math.floor((Date.parse(e.updatedAt) - Date.parse(e.createdAt)) / 1000)) : 0

// RFC 5545: escape text, fold lines at 75 octets, CRLF line ends, times in UTC.
const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
const utc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let current = ''
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length ? 74 : 75)) {
      parts.push(current)
      current = char
    } else current += char
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** An iCalendar document for the given events; cancelled events are marked CANCELLED. */
export function toICalendar(events: CalendarEvent[], origin: string, name = 'えすこポータル イベント'): string {
  const host = new URL(origin).host
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Esuko Portal//Unnan City//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escape(name)}`,
    'X-WR-TIMEZONE:Asia/Tokyo',
  ]
  for (const e of events) {
    const end = e.endsAt ?? new Date(new Date(e.startsAt).getTime() + 2 * 3_600_000).toISOString()
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${e.id}@${host}`,
      `DTSTAMP:${utc(e.updatedAt ?? new Date().toISOString())}`,
      ...(e.updatedAt ? [`LAST-MODIFIED:${utc(e.updatedAt)}`] : []),
      `SEQUENCE:${sequenceOf(e)}`,
      `DTSTART:${utc(e.startsAt)}`,
      `DTEND:${utc(end)}`,
      `SUMMARY:${escape(e.title)}`,
      ...(e.venue ? [`LOCATION:${escape([e.venue, e.town].filter(Boolean).join('、'))}`] : []),
      ...(e.summary ? [`DESCRIPTION:${escape(e.summary)}`] : []),
      `URL:${new URL(`/events/${e.slug}`, origin).toString()}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}

export const icsResponse = (body: string, filename: string) =>
  new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
