import type { CollectionSlug } from 'payload'

import type { ParticipantChannel } from './submissions'

/**
 * What is personal data: every group of a resident's personal details, declared once, here. Everything else reads
 * these entries:
 * - the collection's group field is built from its entry (`contactGroup(personalGroup(…), …)`, cms/fields/common.ts):
 *   its name, fields, order and who may read it;
 * - cms/plugins/sharedBehaviour.ts adds the personal-read audit (cms/hooks/audit.ts) and participant counting
 *   (cms/hooks/countParticipant.ts) to the collection;
 * - retention purge and deletion requests (cms/lib/retention.ts) clear what the entry names;
 * - the leak tests (tests/helpers/accessWorld.ts, tests/integration/personal-data.test.ts) fill and probe every group.
 * tests/integration/personal-data-registry.test.ts walks the built config and fails on an e-mail, a phone or a field
 * guarded as personal data outside a declared group, and on a group built otherwise than declared.
 *
 * Adding a resident form with contact details: one entry below, and `contactGroup(personalGroup(…), { label })`
 * where the group sits in the collection (that call throws at start-up for a group not declared here).
 */

/**
 * - email, phone: how the person is reached; they identify a participant (hashed) and match a deletion request.
 * - name: a name given inside the group; kept through the retention period, cleared on a deletion request.
 * - detail: anything else personal (needs, notes, birth year); cleared with the contact.
 * - consentAt: when consent was given; kept, it is the record that the data was given lawfully.
 */
export type PersonalFieldKind = 'email' | 'phone' | 'name' | 'detail' | 'consentAt'

export type PersonalGroup = {
  collection: CollectionSlug
  /** the group field's name */
  group: string
  /** the group's fields, in the order the form shows them */
  fields: Readonly<Record<string, PersonalFieldKind>>
  /**
   * Who reads the group. 'staff': admin, editor, coordinator (field access); 'editors': the same field access,
   * narrowed to editors by the collection's own read access; 'registrant': editors and the coordinator who
   * registered the person (cms/access/personalData.ts).
   */
  readers: 'staff' | 'editors' | 'registrant'
  /** A new document counts its person as a participant through this channel. */
  participant?: ParticipantChannel
  /**
   * 'purge': the contact is cleared once the retention period (site settings) has passed; the record stays.
   * 'untilRequested': not cleared by the retention period (an esuko citizen's record is the programme's register
   * of them, kept while they take part); only a deletion request removes it.
   */
  retention: 'purge' | 'untilRequested'
  /** The collection has versions (drafts): each stored version keeps a copy, cleared with the document's. */
  versions?: boolean
  /**
   * What else identifies the person in the same record, replaced on a deletion request: `null` clears a field,
   * a value replaces a required one (a name the record needs to show).
   */
  eraseBeside?: Readonly<Record<string, unknown>>
}

const ERASED_NAME = '（削除済み）'
const CONTACT = { email: 'email', phone: 'phone' } as const
const CONSENTED_CONTACT = { ...CONTACT, consentAt: 'consentAt' } as const

export const PERSONAL_DATA: readonly PersonalGroup[] = [
  {
    collection: 'citizens',
    group: 'private',
    fields: { legalName: 'name', ...CONTACT, birthYear: 'detail', notes: 'detail' },
    readers: 'registrant',
    participant: 'citizen',
    retention: 'untilRequested',
    // A citizen asking for deletion loses the public profile too; the record stays (paused) for the counts.
    eraseBeside: {
      displayName: ERASED_NAME,
      displayNameReading: null,
      intro: null,
      interests: null,
      activities: null,
      connectionMethod: null,
      photo: null,
      consent: { publication: false, photo: false },
      status: 'paused',
    },
  },
  {
    collection: 'plans',
    group: 'proposerContact',
    fields: CONSENTED_CONTACT,
    readers: 'staff',
    participant: 'plan',
    retention: 'purge',
    eraseBeside: { proposerNickname: null },
  },
  {
    collection: 'support-offers',
    group: 'contact',
    fields: CONSENTED_CONTACT,
    readers: 'staff',
    participant: 'support',
    retention: 'purge',
    eraseBeside: { nickname: ERASED_NAME },
  },
  {
    collection: 'event-registrations',
    group: 'contact',
    fields: { ...CONTACT, accessibilityNeeds: 'detail', consentAt: 'consentAt' },
    readers: 'staff',
    participant: 'event',
    retention: 'purge',
    eraseBeside: { nickname: ERASED_NAME },
  },
  {
    collection: 'stories',
    group: 'submission',
    fields: { nickname: 'name', ...CONSENTED_CONTACT },
    readers: 'staff',
    participant: 'nomination',
    retention: 'purge',
    versions: true,
  },
  // The request's own contact: matched (and so cleared) by the erasure it asks for, and cleared when done.
  { collection: 'deletion-requests', group: 'contact', fields: CONTACT, readers: 'editors', retention: 'purge' },
]

/**
 * E-mail and phone fields that are not a resident's personal data, each with the reason. Anything else the
 * registry test finds outside PERSONAL_DATA fails it.
 */
export const NOT_PERSONAL_DATA: readonly { collection: CollectionSlug; path: string; why: string }[] = [
  { collection: 'organisations', path: 'contact', why: 'the organisation’s own public contact point, shown on the site' },
  { collection: 'users', path: 'email', why: 'a staff account’s login' },
]

/** The declared group, or a clear error at config time when a collection names one that is not declared. */
export function personalGroup(collection: CollectionSlug, group: string): PersonalGroup {
  const found = PERSONAL_DATA.find((g) => g.collection === collection && g.group === group)
  if (!found) throw new Error(`${collection}.${group} is not declared in PERSONAL_DATA (cms/domain/personalData.ts)`)
  return found
}

export const personalGroupsOf = (collection: string): PersonalGroup[] => PERSONAL_DATA.filter((g) => g.collection === collection)

/** The group's fields of the given kinds, in declaration order. */
export const fieldsOfKind = (g: PersonalGroup, ...kinds: PersonalFieldKind[]): string[] =>
  Object.entries(g.fields)
    .filter(([, kind]) => kinds.includes(kind))
    .map(([name]) => name)
