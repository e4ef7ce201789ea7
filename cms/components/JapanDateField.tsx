'use client'
import { DateTimeField } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'

/**
 * Payload's date field without its timezone select: the field keeps its Japan-time `timezone` (so the date is
 * shown and taken as Japan time in any browser), but with no zone to offer, Payload renders no picker.
 */
export const JapanDateField: DateFieldClientComponent = (props) => {
  const timezone = props.field.timezone
  return (
    <DateTimeField
      {...props}
      field={{ ...props.field, timezone: { ...(typeof timezone === 'object' ? timezone : {}), supportedTimezones: [] } }}
    />
  )
}
