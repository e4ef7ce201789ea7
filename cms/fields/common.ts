import type { Field, GroupField, SelectField } from 'payload'

import { personalDataStaff } from '../access/personalData'

import { THEME_OPTIONS, TOWN_OPTIONS } from './options'

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^[0-9０-９+\-‐－() （）]{10,20}$/

export const emailField = (name = 'email'): Field => ({
  name,
  type: 'text',
  label: { ja: 'メールアドレス', en: 'Email' },
  maxLength: 254,
  validate: (value: string | null | undefined) =>
    !value || EMAIL.test(value) ? true : 'メールアドレスの形式が正しくありません。',
})

export const phoneField = (name = 'phone'): Field => ({
  name,
  type: 'text',
  label: { ja: '電話番号', en: 'Phone' },
  maxLength: 20,
  validate: (value: string | null | undefined) =>
    !value || PHONE.test(value) ? true : '電話番号は数字とハイフンで入力してください。',
})

type Label = { ja: string; en: string }

/**
 * A resident's private contact details on a submission: e-mail, phone, optional extra fields and the time
 * consent was given. Only staff read or change it (cms/access/personalData.ts); retention and deletion
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
