import type { Field, GroupField, SelectField } from 'payload'

import { personalDataStaff } from '../access/personalDataStaff'
import { EMAIL_MESSAGE, EMAIL_PATTERN, PHONE_MESSAGE, PHONE_PATTERN } from '../domain/contact'
import { THEME_OPTIONS, TOWN_OPTIONS } from '../domain/options'

export const townField = (overrides: Partial<SelectField> = {}): SelectField =>
  ({
    name: 'town',
    type: 'select',
    label: { ja: '町', en: 'Town' },
    options: TOWN_OPTIONS,
    index: true,
    ...overrides,
  }) as SelectField

export const themesField = (): SelectField => ({
  name: 'themes',
  type: 'select',
  label: { ja: 'テーマ', en: 'Themes' },
  hasMany: true,
  options: THEME_OPTIONS,
})

export const emailField = (name = 'email'): Field => ({
  name,
  type: 'text',
  label: { ja: 'メールアドレス', en: 'Email' },
  maxLength: 254,
  validate: (value: string | null | undefined) =>
    !value || EMAIL_PATTERN.test(value) ? true : EMAIL_MESSAGE,
})

export const phoneField = (name = 'phone'): Field => ({
  name,
  type: 'text',
  label: { ja: '電話番号', en: 'Phone' },
  maxLength: 20,
  validate: (value: string | null | undefined) =>
    !value || PHONE_PATTERN.test(value) ? true : PHONE_MESSAGE,
})

type Label = import('../domain/options').Label

/**
 * A resident's private contact details on a submission: e-mail, phone, optional extra fields and the time
 * consent was given. Only staff read or change it (cms/access/personalDataStaff.ts); retention and deletion
 * requests clear it (cms/lib/retention.ts).
 */
export const contactGroup = (options: {
  name?: string
  label: Label
  before?: Field[]
  after?: Field[]
  consent?: boolean
  admin?: GroupField['admin']
}): GroupField => ({
  name: options.name ?? 'contact',
  type: 'group',
  label: options.label,
  admin: options.admin,
  access: { read: personalDataStaff, update: personalDataStaff },
  fields: [
    ...(options.before ?? []),
    emailField(),
    phoneField(),
    ...(options.after ?? []),
    ...(options.consent === false ? [] : [{ name: 'consentAt', type: 'date', label: { ja: '同意日時', en: 'Consent given at' } } as Field]),
  ],
})
