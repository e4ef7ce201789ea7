import type { DateField, FieldHook } from 'payload'

import { JAPAN_TIMEZONE, sameWallClockInJapan } from '../domain/dates'

const japan = () => JAPAN_TIMEZONE

/**
 * A date field's `timezone`, Japan time only: Payload shows and takes the date as Japan time in any browser, and
 * its `_tz` value is always Asia/Tokyo — on create without one (REST, Local API), whatever a client sends, and
 * when reading a value the old form stored (`Pacific/Midway`).
 */
export const JAPAN_TIME: NonNullable<DateField['timezone']> = {
  override: ({ baseField }) => ({ ...baseField, hooks: { beforeValidate: [japan], afterRead: [japan] } }),
}

/** A value stored with another zone reads as the same wall-clock time in Japan (the day the coordinator meant). */
const fromOtherZone: FieldHook = ({ value, siblingData, field }) => {
  const zone = 'name' in field ? siblingData?.[`${field.name}_tz`] : undefined
  return typeof value === 'string' && typeof zone === 'string' ? sameWallClockInJapan(value, zone) : value
}

/** A date field in Japan time with no timezone question: the picker is left out (cms/components/JapanDateField.tsx). */
export const inJapanTime = <F extends DateField>(field: F): F => ({
  ...field,
  timezone: JAPAN_TIME,
  hooks: { ...field.hooks, afterRead: [fromOtherZone, ...(field.hooks?.afterRead ?? [])] },
  admin: { ...field.admin, components: { ...field.admin?.components, Field: '/components/JapanDateField#JapanDateField' } },
})
