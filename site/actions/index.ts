import { ActionError, defineAction } from 'astro:actions'
import { z } from 'astro/zod'

import { CHEER_TARGET_TYPES, isCheerable, sendCheer } from '../lib/cheers'
import { confirmDeletion, DELETION_LINK_MESSAGES } from '../lib/deletion'
import { clientAddress } from '../lib/clientAddress'
import { checkFormGuard, clientKey } from '../lib/formGuard'
import {
  AGE_BAND_OPTIONS,
  EMAIL_MESSAGE,
  EMAIL_PATTERN,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  PLAN_KIND_OPTIONS,
  RESIDENCE_OPTIONS,
  SUPPORT_OFFER_KIND_OPTIONS,
  SURVEY_SCALE,
  TOWNS,
  valuesOf,
} from '../lib/options'
import { checkRateLimit, type RuleName } from '../lib/rateLimit'
import { CANCEL_MESSAGES, cancelByLink } from '../lib/registrations'
import { createFromSite, docId } from '../lib/submit'
import { NEW_ORGANISATION, NO_ORGANISATION, WAITLIST_ACCEPTED } from '../lib/registrations'

// Astro hands a missing form field over as null: optional fields accept it and become undefined.
const blank = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || undefined)
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, `${label}を入力してください。`)
    .max(max, `${label}は${max}文字以内で入力してください。`)
const optionalText = (label: string, max: number) =>
  blank.refine((v) => !v || v.length <= max, `${label}は${max}文字以内で入力してください。`)
// NFKC first: a full-width ＠ or letters typed on a Japanese keyboard are still the same address.
const email = blank
  .transform((v) => v?.normalize('NFKC').trim())
  .refine((v) => !v || v.length <= 254, 'メールアドレスが長すぎます。')
  .refine((v) => !v || EMAIL_PATTERN.test(v), EMAIL_MESSAGE)
const phone = blank.refine((v) => !v || PHONE_PATTERN.test(v), PHONE_MESSAGE)
const town = z.enum(TOWNS, { error: 'お住まいの町を選んでください。' })
const consent = z.boolean().refine((v) => v, '内容をご確認のうえ、同意のチェックを入れてください。')
const guard = { _t: blank, website: blank }
const id = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9a-f]+$/i, '送信先が正しくありません。')

const needContact = (v: { email?: string; phone?: string }) => Boolean(v.email || v.phone)
const contactMessage = { message: 'ご連絡先として、メールアドレスか電話番号のどちらかを入力してください。', path: ['email'] }

/** A resident's form that asks for personal data: its own fields plus contact, consent and the bot checks. */
const withContact = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, email, phone, consent, ...guard })
    .refine((v) => needContact(v as { email?: string; phone?: string }), contactMessage)

/** Shared front door of every public form: bot checks first, then the per-client rate limit. */
async function admit(rule: RuleName, fields: { _t?: string; website?: string }, address: string | undefined): Promise<string> {
  checkFormGuard(fields)
  const client = clientKey(address)
  await checkRateLimit(rule, client)
  return client
}

const nowIso = () => new Date().toISOString()

/**
 * Refusals (ActionError) reach the resident as they are; anything unexpected is logged for the operators
 * and answered with a plain Japanese message, never with internal details.
 */
function reported<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await handler(...args)
    } catch (error) {
      if (error instanceof ActionError) throw error
      console.error('[site action] unexpected error', error)
      throw new ActionError({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'システムの問題で、送信を受け付けられませんでした。お手数ですが、時間をおいてもう一度お試しください。',
      })
    }
  }
}

export const server = {
  submitPlan: defineAction({
    accept: 'form',
    input: withContact({
      kind: z.enum(valuesOf(PLAN_KIND_OPTIONS), { error: 'プランの種類を選んでください。' }),
      title: text('プラン名', 80),
      description: text('内容', 2000),
      town,
      nickname: text('ニックネーム', 40),
    }),
    handler: reported(async (input, context) => {
      await admit('plan', input, clientAddress(context))
      const doc = await createFromSite('plans', {
        kind: input.kind,
        title: input.title,
        description: input.description,
        town: input.town,
        proposerNickname: input.nickname,
        proposerContact: { email: input.email, phone: input.phone, consentAt: nowIso() },
      })
      return { id: String(doc.id) }
    }),
  }),

  offerSupport: defineAction({
    accept: 'form',
    input: withContact({
      plan: id,
      kind: z.enum(valuesOf(SUPPORT_OFFER_KIND_OPTIONS), { error: '申し出の種類を選んでください。' }),
      nickname: text('ニックネーム', 40),
      message: optionalText('メッセージ', 500),
    }),
    handler: reported(async (input, context) => {
      await admit('support', input, clientAddress(context))
      await createFromSite('support-offers', {
        plan: await docId(input.plan),
        kind: input.kind,
        nickname: input.nickname,
        message: input.message,
        contact: { email: input.email, phone: input.phone, consentAt: nowIso() },
      })
      return { plan: input.plan }
    }),
  }),

  registerForEvent: defineAction({
    accept: 'form',
    input: withContact({
      event: id,
      nickname: text('お名前', 40),
      partySize: z.coerce
        .number({ error: '人数を数字で入力してください。' })
        .int('人数は整数で入力してください。')
        .min(1, '人数は1人以上で入力してください。')
        .max(10, '一度に申し込めるのは10人までです。'),
      town: z.enum(valuesOf(RESIDENCE_OPTIONS), { error: 'お住まいを選んでください。' }),
      accessibilityNeeds: optionalText('配慮してほしいこと', 500),
      // 共助会議 only: an organisation's id, 'new' with a name typed, or 'none' (cms/hooks/checkMeetingOrganisation.ts).
      organisation: blank.refine(
        (v) => !v || v === NEW_ORGANISATION || v === NO_ORGANISATION || /^[0-9a-f]{1,40}$/i.test(v),
        '団体を一覧から選び直してください。',
      ),
      newOrganisationName: optionalText('団体名', 100),
      // The form offers the waiting list once the event is full.
      waitlist: blank,
    }).refine((v) => v.organisation !== NEW_ORGANISATION || Boolean(v.newOrganisationName), {
      message: '団体名を入力してください。',
      path: ['newOrganisationName'],
    }),
    handler: reported(async (input, context) => {
      await admit('register', input, clientAddress(context))
      const organisation =
        input.organisation && input.organisation !== NEW_ORGANISATION && input.organisation !== NO_ORGANISATION
          ? await docId(input.organisation)
          : undefined
      // The seats are claimed in the database (cms/hooks/enforceEventCapacity.ts): exact across site processes.
      const registration = await createFromSite(
        'event-registrations',
        {
          event: await docId(input.event),
          nickname: input.nickname,
          partySize: input.partySize,
          town: input.town,
          organisation,
          pendingOrganisationName: input.organisation === NEW_ORGANISATION ? input.newOrganisationName : undefined,
          individual: input.organisation === NO_ORGANISATION,
          contact: { email: input.email, phone: input.phone, accessibilityNeeds: input.accessibilityNeeds, consentAt: nowIso() },
        },
        undefined,
        { [WAITLIST_ACCEPTED]: input.waitlist === 'on' },
      )
      return { event: input.event, reference: registration?.reference ?? null, waitlisted: registration?.status === 'waitlisted' }
    }),
  }),

  // The confirm button of the cancel link in the registration mail (site/pages/registrations/cancel.astro). The
  // signed token is the authority; there is no form to fill, so no fill-time guard.
  cancelRegistration: defineAction({
    accept: 'form',
    input: z.object({ r: z.string().trim().min(1).max(40), t: z.string().trim().min(1).max(200) }),
    handler: reported(async (input) => {
      const result = await cancelByLink(input.r, input.t)
      if (result !== 'cancelled') throw new ActionError({ code: 'BAD_REQUEST', message: CANCEL_MESSAGES[result] })
      return { ok: true }
    }),
  }),

  nominate: defineAction({
    accept: 'form',
    input: withContact({
      kind: z.enum(['nominate', 'story'], { error: '推薦かストーリーかを選んでください。' }),
      title: text('タイトル', 120),
      about: text('どんな方か・どんなできごとか', 2000),
      connection: optionalText('つながりのきっかけ', 500),
      town,
      nickname: text('あなたのニックネーム', 40),
    }),
    handler: reported(async (input, context) => {
      await admit('nominate', input, clientAddress(context))
      await createFromSite('stories', {
        title: input.title,
        lead: input.kind === 'nominate' ? '住民からの推薦' : '住民からのストーリー投稿',
        body: plainRichText(input.about),
        connectionOrigin: input.connection,
        town: input.town,
        origin: 'resident',
        reviewStatus: 'received',
        _status: 'draft',
        submission: { nickname: input.nickname, email: input.email, phone: input.phone, consentAt: nowIso() },
      })
      return { ok: true }
    }),
  }),

  cheer: defineAction({
    accept: 'form',
    input: z.object({
      targetType: z.enum(CHEER_TARGET_TYPES, { error: '拍手の相手が正しくありません。' }),
      target: id,
      message: optionalText('メッセージ', 200),
      ...guard,
    }),
    handler: reported(async (input, context) => {
      checkFormGuard(input)
      const client = clientKey(clientAddress(context))
      const target = await docId(input.target)
      if (!(await isCheerable(input.targetType, target))) {
        throw new ActionError({
          code: 'BAD_REQUEST',
          message: '拍手の相手が見つかりません。ページを開き直してから、もう一度お試しください。',
        })
      }
      // Counted against the client's limit and stored in one commit with the other cheers arriving now.
      await sendCheer(client, input.targetType, target, input.message)
      return { ok: true }
    }),
  }),

  answerSurvey: defineAction({
    accept: 'form',
    input: z.object({
      answer: z.enum(valuesOf(SURVEY_SCALE), { error: '5つの選択肢から1つ選んでください。' }),
      town,
      ageBand: z.enum(valuesOf(AGE_BAND_OPTIONS), { error: '年代を選んでください（「回答しない」も選べます）。' }),
      // The one-time code from the paper handed out at events; checked (and spent) by the server's own rule.
      code: optionalText('アンケートコード', 40),
      ...guard,
    }),
    handler: reported(async (input, context) => {
      await admit('survey', input, clientAddress(context))
      await createFromSite('survey-responses', {
        answer: input.answer,
        town: input.town,
        ageBand: input.ageBand,
        channel: 'web',
        ...(input.code ? { code: input.code } : {}),
      })
      return { ok: true }
    }),
  }),

  requestDeletion: defineAction({
    accept: 'form',
    input: z
      .object({ email, phone, note: optionalText('ご依頼の内容', 1000), ...guard })
      .refine(needContact, { message: '削除したい情報を探すため、ご登録のメールアドレスか電話番号を入力してください。', path: ['email'] }),
    handler: reported(async (input, context) => {
      await admit('deletion', input, clientAddress(context))
      // The answer depends only on what was entered, never on what the portal holds.
      await createFromSite('deletion-requests', { contact: { email: input.email, phone: input.phone }, note: input.note })
      return { ok: true, confirmBy: input.email ? ('mail' as const) : ('phone' as const) }
    }),
  }),

  // The confirm button of the link in the deletion confirmation mail (site/pages/privacy/delete/confirm.astro).
  // The signed token is the authority; there is no form to fill, so no fill-time guard.
  confirmDeletion: defineAction({
    accept: 'form',
    input: z.object({ r: z.string().trim().min(1).max(40), t: z.string().trim().min(1).max(200) }),
    handler: reported(async (input) => {
      if ((await confirmDeletion(input.r, input.t)) !== 'confirmed') {
        throw new ActionError({ code: 'BAD_REQUEST', message: DELETION_LINK_MESSAGES.invalid })
      }
      return { ok: true }
    }),
  }),
}

/** A resident's plain text as Lexical paragraphs (one per line); the converter escapes it on output. */
function plainRichText(value: string) {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    textFormat: 0,
    children: line ? [{ type: 'text', text: line, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] : [],
  })
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: value.split(/\r?\n/).map(paragraph) } }
}
