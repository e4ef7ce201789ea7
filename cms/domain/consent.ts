import { defineOptions, labelsJa } from './options'
import { isPublicPlan } from './plans'
import { PUBLIC_CITIZEN_STATUS } from './citizens'

/**
 * Consent before anyone is published: the one place that says which documents name or show a person, what a
 * recorded consent is, and what publishing each needs. Enforced on every path (admin, REST, Local API, scheduled
 * publishing) by cms/hooks/enforcePublicationConsent.ts; the fields are built by cms/fields/consent.ts.
 *
 * What "names or shows a person" means, per collection:
 * - stories (えすこストーリー): every story tells how people connected, so every story names someone: a resident's
 *   nomination names the nominee, an editorial story its citizens. Publishing needs text consent; a hero image
 *   or a share image (the SEO group's `meta.image`, cms/domain/seo.ts) needs photo consent too unless the image is
 *   marked as showing nobody (`media.showsPeople`).
 * - plans (ウエルビーイングプラン): the proposer is shown by nickname or linked as a citizen; a plan with either
 *   needs text consent to be public. A resident who sends a plan through the site's form gives it there (the form
 *   says the nickname is shown on the site), recorded as web consent; plans carry no photos.
 * - citizens (えすこ市民): the profile is the person. A profile is public only with `publication`, and its photo
 *   only with `photo` (cms/access/photoConsentOrStaff.ts, cms/hooks/syncPhotoVisibility.ts); either flag may be set
 *   only with a complete record.
 *
 * A complete record says how (paper, web form, spoken with a witness — then the witness's name), when, and who
 * entered it (the signed-in staff member, set by the server). Text and photo consent are separate flags.
 */

export const CONSENT_METHOD_OPTIONS = defineOptions([
  { value: 'paper', label: { ja: '紙の同意書', en: 'Paper form' } },
  { value: 'web', label: { ja: 'ウェブフォーム', en: 'Web form' } },
  // Value kept from before the witness was asked for: stored records stay valid.
  { value: 'in_person', label: { ja: '口頭（立会人あり）', en: 'Spoken, with a witness' } },
])
export type ConsentMethod = (typeof CONSENT_METHOD_OPTIONS)[number]['value']
export const CONSENT_METHOD_LABEL = labelsJa<ConsentMethod>(CONSENT_METHOD_OPTIONS)
/** Spoken consent leaves no paper: a witness must be named. */
export const WITNESSED_CONSENT_METHOD: ConsentMethod = 'in_person'

export type ConsentRecord = {
  publication?: boolean | null
  photo?: boolean | null
  method?: string | null
  witness?: string | null
  givenAt?: string | null
  enteredBy?: unknown
}

/** The fields of the record that, when changed, make the signed-in user the one who entered it. */
export const CONSENT_RECORD_FIELDS = ['publication', 'photo', 'method', 'witness', 'givenAt'] as const

export const CONSENT_SUBJECTS = ['stories', 'plans', 'citizens'] as const
export type ConsentSubject = (typeof CONSENT_SUBJECTS)[number]

/** A document as the hook sees it: the stored document with the change applied. */
type Doc = Record<string, unknown> & { consent?: ConsentRecord | null }
/** What the hook looks up before asking the rule (an image's document). */
export type ConsentFacts = { heroImageShowsPeople: boolean; shareImageShowsPeople?: boolean }
export type ConsentNeed = { text: boolean; photo: boolean }

type Rule = {
  /** Whether the document, as it would be saved, is public. */
  isPublic: (doc: Doc) => boolean
  /** What consent being public needs. */
  needs: (doc: Doc, facts: ConsentFacts) => ConsentNeed
}

const hasValue = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)

export const CONSENT_RULES: Record<ConsentSubject, Rule> = {
  stories: {
    isPublic: (doc) => doc._status === 'published',
    needs: (doc, facts) => ({
      text: true,
      photo:
        (hasValue(doc.heroImage) && facts.heroImageShowsPeople) ||
        (hasValue((doc.meta as { image?: unknown } | null | undefined)?.image) && Boolean(facts.shareImageShowsPeople)),
    }),
  },
  plans: {
    isPublic: (doc) => isPublicPlan(doc as { status?: string }),
    needs: (doc) => ({ text: hasValue(doc.proposerNickname) || hasValue(doc.proposer), photo: false }),
  },
  citizens: {
    isPublic: (doc) => doc.status === PUBLIC_CITIZEN_STATUS && Boolean(doc.consent?.publication),
    // The photo is hidden without photo consent rather than blocking the profile.
    needs: () => ({ text: true, photo: false }),
  },
}

/** Japanese, for staff: what is missing from a record whose flags are set. */
export function incompleteRecord(consent: ConsentRecord | null | undefined): string[] {
  if (!consent?.publication && !consent?.photo) return []
  const missing: string[] = []
  if (!consent.method) missing.push('同意の方法')
  if (!consent.givenAt) missing.push('同意日')
  if (consent.method === WITNESSED_CONSENT_METHOD && !consent.witness?.trim()) missing.push('立会人の氏名（口頭での同意のとき）')
  return missing
}

/**
 * Why this document may not be saved as it is, in Japanese (empty when it may): a flag set without a complete
 * record, or a public document without the consent it needs.
 */
export function consentProblems(subject: ConsentSubject, doc: Doc, facts: ConsentFacts): string[] {
  const problems: string[] = []
  const missing = incompleteRecord(doc.consent)
  if (missing.length) problems.push(`同意を記録するには、${missing.join('・')}を入力してください。`)
  const rule = CONSENT_RULES[subject]
  if (!rule.isPublic(doc)) return problems
  const need = rule.needs(doc, facts)
  if (need.text && !doc.consent?.publication) problems.push(`公開するには、${TEXT_SUBJECT[subject]}の掲載同意を記録してください。`)
  if (need.photo && !doc.consent?.photo) {
    problems.push(
      '公開するには、メイン画像（または共有用画像）に写っている方の写真の掲載同意を記録してください（人物が写っていない画像なら、画像の「人物が写っている」を外してください）。',
    )
  }
  return problems
}

/** Who the text consent is from, for the messages above. */
const TEXT_SUBJECT: Record<ConsentSubject, string> = {
  stories: '登場する方（推薦された方を含む）',
  plans: '提案者',
  citizens: 'ご本人',
}

/** A short Japanese state for list columns: what a document's consent record covers. */
export function consentState(consent: ConsentRecord | null | undefined): string {
  if (!consent?.publication && !consent?.photo) return '未記録'
  if (incompleteRecord(consent).length) return '記録不備'
  return consent.photo ? (consent.publication ? '文章・写真' : '写真のみ') : '文章のみ'
}
