import type { Field, GroupField } from 'payload'

import { staffOnlyField } from '../access/staffOnlyField'
import { CONSENT_METHOD_OPTIONS, WITNESSED_CONSENT_METHOD, consentState } from '../domain/consent'
import type { Label } from '../domain/options'

const nobody = () => false

/**
 * The recorded consent of the person a document names or shows (rules: cms/domain/consent.ts). The same group on
 * stories, plans and citizens, so the one hook (cms/hooks/enforcePublicationConsent.ts) reads them all alike.
 */
export const consentGroup = (options: {
  publicationLabel: Label
  /** Whether the document can show a photo of the person. */
  photo: boolean
  description: Label
  admin?: GroupField['admin']
}): GroupField => ({
  name: 'consent',
  type: 'group',
  label: { ja: '掲載の同意', en: 'Consent to publication' },
  admin: { description: options.description, ...options.admin },
  fields: [
    {
      name: 'publication',
      type: 'checkbox',
      label: options.publicationLabel,
      defaultValue: false,
      index: true,
    },
    ...(options.photo
      ? [
          {
            name: 'photo',
            type: 'checkbox',
            label: { ja: '写真の掲載に同意', en: 'Consents to photos' },
            defaultValue: false,
          } satisfies Field,
        ]
      : []),
    {
      name: 'method',
      type: 'select',
      label: { ja: '同意の方法', en: 'How consent was given' },
      options: CONSENT_METHOD_OPTIONS,
      access: { read: staffOnlyField },
    },
    {
      name: 'witness',
      type: 'text',
      label: { ja: '立会人の氏名', en: 'Witness' },
      maxLength: 60,
      access: { read: staffOnlyField },
      admin: {
        condition: (_data, sibling) => sibling?.method === WITNESSED_CONSENT_METHOD,
        description: { ja: '口頭で同意を得たときに、その場に立ち会った人の氏名。', en: 'Who witnessed spoken consent.' },
      },
    },
    {
      name: 'givenAt',
      type: 'date',
      label: { ja: '同意日', en: 'Consent date' },
      access: { read: staffOnlyField },
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy/MM/dd' } },
    },
    {
      name: 'enteredBy',
      type: 'relationship',
      relationTo: 'users',
      label: { ja: '同意を記録した職員', en: 'Recorded by' },
      // Set by the server from the signed-in user whenever the record changes; nobody types it.
      access: { read: staffOnlyField, create: nobody, update: nobody },
      admin: { readOnly: true, description: { ja: '保存した職員が自動で入ります。', en: 'Set from the signed-in user.' } },
    },
  ],
})

/** A list column for staff: what the recorded consent covers (未記録, 文章のみ, …). Computed, never stored. */
export const consentStateField = (): Field => ({
  name: 'consentState',
  type: 'text',
  virtual: true,
  label: { ja: '同意の状況', en: 'Consent state' },
  access: { read: staffOnlyField, create: nobody, update: nobody },
  admin: { readOnly: true, position: 'sidebar' },
  hooks: { afterRead: [({ siblingData }) => consentState(siblingData?.consent)] },
})
