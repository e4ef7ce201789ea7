import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { reiwaLabel } from '../domain/fiscalYear'
import { parseSurveyCode, surveyCodeHash } from '../kpi/surveyCodes'

const refuse = (message: string, path = 'code'): never => {
  throw new ValidationError({ collection: 'survey-responses', errors: [{ message, path }] })
}

/**
 * Whether an answer counts in the supplementary survey indicator, decided once, on the server, whoever writes:
 * - a web answer counts when it carries an unused one-time code of its fiscal year (the code is remembered as a
 *   keyed hash, never stored with the answer); without a code it is kept but not counted;
 * - a paper or event answer counts when staff (not the site's form) enter it with the collection method recorded.
 * Nobody sets `counted` directly, and it never changes afterwards.
 */
export const decideSurveyCount: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const { code, ...rest } = data as { code?: unknown } & Record<string, unknown>
  if (operation !== 'create') return { ...rest, counted: originalDoc?.counted === true }

  const fromSite = req.context?.channel === 'site'
  const method = typeof rest.method === 'string' ? rest.method.trim() : ''
  if (rest.channel && rest.channel !== 'web') {
    if (fromSite) refuse('ウェブのフォームからは紙・会場の回答を登録できません。', 'channel')
    if (!method) refuse('紙・会場の回答は、集め方（配布・回収の方法）を「集計方法」に記録してください。', 'method')
    return { ...rest, counted: true }
  }
  if (typeof code !== 'string' || !code.trim()) return { ...rest, counted: false }

  const parsed = parseSurveyCode(code)
  if (!parsed)
    refuse(
      'アンケートコードが正しくありません。配られた紙のコードをそのまま入力してください（コードなしでも回答できますが、集計には含まれません）。',
    )
  const { docs } = await req.payload.find({
    collection: 'survey-code-batches',
    where: { prefix: { equals: parsed!.prefix } },
    depth: 0,
    limit: 1,
    req,
    overrideAccess: true,
  })
  const batch = docs[0]
  if (!batch || parsed!.n > batch.count) refuse('アンケートコードが正しくありません。配られた紙のコードをそのまま入力してください。')
  if (batch!.fiscalYear !== rest.fiscalYear) refuse(`このコードは${reiwaLabel(batch!.fiscalYear)}のアンケート用です。`)
  const codeHash = surveyCodeHash(parsed!)
  const used = await req.payload.count({
    collection: 'survey-code-uses',
    where: { codeHash: { equals: codeHash } },
    req,
    overrideAccess: true,
  })
  if (used.totalDocs) refuse('このアンケートコードはすでに使われています。コードは1人1回だけ使えます。')
  // The unique index on codeHash is what settles two answers with the same code arriving together.
  try {
    await req.payload.create({
      collection: 'survey-code-uses',
      data: { codeHash, batch: batch!.id, fiscalYear: batch!.fiscalYear },
      req,
      overrideAccess: true,
      depth: 0,
    })
  } catch {
    refuse('このアンケートコードはすでに使われています。コードは1人1回だけ使えます。')
  }
  return { ...rest, counted: true, codeBatch: batch!.id }
}
