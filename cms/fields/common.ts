import type { Field, GroupField, SelectField } from 'payload'

import { personalDataOfRegistrant } from '../access/personalDataOfRegistrant'
import { personalDataStaff } from '../access/personalDataStaff'
import { readPersonalDataOfRegistrant } from '../access/readPersonalDataOfRegistrant'
import { EMAIL_MESSAGE, EMAIL_PATTERN, PHONE_MESSAGE, PHONE_PATTERN } from '../domain/contact'
import { THEME_OPTIONS, TOWN_OPTIONS } from '../domain/options'
import type { PersonalFieldKind, PersonalGroup } from '../domain/personalData'

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
  validate: (value: string | null | undefined) => (!value || EMAIL_PATTERN.test(value) ? true : EMAIL_MESSAGE),
})

export const phoneField = (name = 'phone'): Field => ({
  name,
  type: 'text',
  label: { ja: '電話番号', en: 'Phone' },
  maxLength: 20,
  validate: (value: string | null | undefined) => (!value || PHONE_PATTERN.test(value) ? true : PHONE_MESSAGE),
})

type Label = import('../domain/options').Label

/** A field definition whose name comes from the declaration (distributes over Payload's field union). */
type Unnamed<F = Field> = F extends Field ? Omit<F, 'name'> : never

/** Field access of each kind of personal group: the rules that guard personal data (the registry test looks for them). */
export const PERSONAL_GROUP_ACCESS: Record<PersonalGroup['readers'], NonNullable<GroupField['access']>> = {
  staff: { read: personalDataStaff, update: personalDataStaff },
  // Editors only as a whole: the collection's read access narrows it.
  editors: { read: personalDataStaff, update: personalDataStaff },
  registrant: { read: readPersonalDataOfRegistrant, create: personalDataOfRegistrant, update: personalDataOfRegistrant },
}

/**
 * A group of a resident's personal data, built from its declaration in cms/domain/personalData.ts: its name,
 * its fields in the declared order, and who may read it (PERSONAL_GROUP_ACCESS above). E-mail, phone and the
 * consent time are built here; any other declared field needs its definition in `fields` (and nothing else may
 * be there), so the group and its declaration cannot drift apart.
 */
export const contactGroup = (
  declared: PersonalGroup,
  options: { label: Label; fields?: Record<string, Unnamed>; admin?: GroupField['admin'] },
): GroupField => {
  const extra = options.fields ?? {}
  for (const name of Object.keys(extra)) {
    if (!(name in declared.fields)) throw new Error(`${declared.collection}.${declared.group}.${name} is not declared in PERSONAL_DATA`)
  }
  const build = (name: string, kind: PersonalFieldKind): Field => {
    if (name in extra) return { ...extra[name], name } as Field
    if (kind === 'email') return emailField(name)
    if (kind === 'phone') return phoneField(name)
    if (kind === 'consentAt') return { name, type: 'date', label: { ja: '同意日時', en: 'Consent given at' } }
    throw new Error(`${declared.collection}.${declared.group}.${name}: give its field definition to contactGroup`)
  }
  return {
    name: declared.group,
    type: 'group',
    label: options.label,
    admin: options.admin,
    access: PERSONAL_GROUP_ACCESS[declared.readers],
    fields: Object.entries(declared.fields).map(([name, kind]) => build(name, kind)),
  }
}
