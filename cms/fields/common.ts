import type { Field, SelectField } from 'payload'

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
