import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { CONSENT_RECORD_FIELDS, type ConsentFacts, type ConsentRecord, type ConsentSubject, consentProblems } from '../domain/consent'
import { idOf } from '../domain/ids'

/** Unset and false are the same answer for a flag; unset and empty the same for the rest. */
const norm = (field: string, v: unknown) =>
  field === 'publication' || field === 'photo' ? Boolean(v) : (v ?? null) === '' ? null : (v ?? null)
const same = (field: string, a: unknown, b: unknown) => String(norm(field, a)) === String(norm(field, b))

/** Whether an image shows people; an image not found, or not marked otherwise, is taken to show people. */
async function showsPeople(image: unknown, req: PayloadRequest): Promise<boolean> {
  const id = idOf(image)
  if (id === null) return false
  if (typeof image === 'object' && image !== null && 'showsPeople' in image)
    return (image as { showsPeople?: boolean }).showsPeople !== false
  const media = await req.payload
    .findByID({ collection: 'media', id, depth: 0, req, overrideAccess: true, select: { showsPeople: true } })
    .catch(() => null)
  return media?.showsPeople !== false
}

/** What the consent rule needs to know beyond the document itself. */
export const consentFactsOf = async (
  subject: ConsentSubject,
  doc: Record<string, unknown>,
  req: PayloadRequest,
): Promise<ConsentFacts> => ({
  heroImageShowsPeople: subject === 'stories' ? await showsPeople(doc.heroImage, req) : false,
  shareImageShowsPeople: subject === 'stories' ? await showsPeople((doc.meta as { image?: unknown } | undefined)?.image, req) : false,
})

/**
 * Nobody is published without their recorded consent (cms/domain/consent.ts). Runs on every write of a story,
 * plan or citizen — the admin's buttons, REST, the Local API and scheduled publishing alike — so no path skips it.
 * Whoever changes the record is stamped as the one who entered it; a write with no signed-in user (seed, import)
 * keeps the value it brings.
 */
export const enforcePublicationConsent =
  (subject: ConsentSubject): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, operation }) => {
    const before = (originalDoc?.consent ?? {}) as ConsentRecord
    let consent: ConsentRecord = { ...before, ...(data.consent ?? {}) }

    // A resident sending a plan through the site's form gives consent there: the form says the nickname is shown.
    if (subject === 'plans' && operation === 'create' && req.context?.channel === 'site') {
      consent = { publication: true, method: 'web', givenAt: new Date().toISOString(), witness: null, enteredBy: null }
    } else if (req.user) {
      const changed = CONSENT_RECORD_FIELDS.some((f) => !same(f, consent[f], before[f]))
      consent.enteredBy = changed ? req.user.id : idOf(before.enteredBy)
    }

    // A partial write of the SEO group keeps the share image it does not mention.
    const meta = originalDoc?.meta || data.meta ? { ...(originalDoc?.meta ?? {}), ...(data.meta ?? {}) } : undefined
    const doc = { ...(originalDoc ?? {}), ...data, meta, consent }
    const problems = consentProblems(subject, doc, await consentFactsOf(subject, doc, req))
    if (problems.length) throw new APIError(problems.join('\n'), 400, { problems }, true)
    return { ...data, consent }
  }
