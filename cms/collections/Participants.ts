import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { townField } from '../fields/common'
import { PARTICIPANT_CHANNEL_OPTIONS } from '../domain/submissions'

/**
 * One record per unique resident who took part, keyed by hashes of their normalised contact (KPI 3:
 * unique new participants). Written only by server hooks; holds no contact details.
 */
export const Participants: CollectionConfig = {
  slug: 'participants',
  labels: { singular: { ja: '参加者', en: 'Participant' }, plural: { ja: '参加者（重複なし）', en: 'Participants (unique)' } },
  admin: {
    useAsTitle: 'firstSeenAt',
    defaultColumns: ['firstSeenAt', 'firstChannel', 'town', 'participations'],
    group: { ja: '集計', en: 'Reporting' },
  },
  access: {
    create: () => false,
    read: isStaff,
    update: () => false,
    delete: isEditor,
  },
  fields: [
    { name: 'emailHash', type: 'text', unique: true, index: true, admin: { readOnly: true } },
    { name: 'phoneHash', type: 'text', unique: true, index: true, admin: { readOnly: true } },
    { name: 'firstSeenAt', type: 'date', required: true, index: true, label: { ja: '初回参加日', en: 'First seen' } },
    { name: 'lastSeenAt', type: 'date', label: { ja: '最終参加日', en: 'Last seen' } },
    { name: 'firstFiscalYear', type: 'number', index: true, label: { ja: '初回参加年度', en: 'First fiscal year' } },
    {
      name: 'firstChannel',
      type: 'select',
      required: true,
      options: PARTICIPANT_CHANNEL_OPTIONS,
      label: { ja: '初回の参加方法', en: 'First channel' },
    },
    { name: 'participations', type: 'number', defaultValue: 1, label: { ja: '参加回数', en: 'Participations' } },
    townField(),
    { name: 'erased', type: 'checkbox', defaultValue: false, label: { ja: '削除依頼により匿名化済み', en: 'Erased on request' } },
  ],
}
