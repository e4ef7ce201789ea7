import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, Payload, PayloadRequest, SendEmailOptions, TaskConfig } from 'payload'

import { composeMail, type Mail, type MailRequest } from './compose'

/**
 * Sending, and only sending: every mail leaves through Payload's jobs queue (queue `mail`), run by the admin
 * process (ESUKO_JOBS=1), so a form never waits for an SMTP server and a failing one loses nothing — the job is
 * retried with a growing delay. The transport is Payload's official nodemailer adapter when SMTP_URL is set; in
 * development without it each mail is written to the console (recipient masked), in production it is dropped with
 * a warning (`npm start` also warns once at start). Payload's own mails (the staff password reset) go through the
 * same queue: the adapter Payload is given queues, and the job delivers through the real transport.
 * Logs never carry an address or a body (development's console transport prints the links, for trying them).
 */

export const MAIL_QUEUE = 'mail'
/** Retries after the first attempt: 1, 2, 4, … 256 minutes apart (about 8.5 hours in all). */
export const MAIL_RETRIES = { attempts: 9, backoff: { type: 'exponential' as const, delay: 60_000 } }

export type SmtpOptions = { host: string; port: number; secure: boolean; auth?: { user: string; pass: string }; requireTLS?: boolean }

/**
 * SMTP_URL → nodemailer options. `smtp://user:pass@host:587` (STARTTLS when the server offers it),
 * `smtps://user:pass@host:465` (TLS from the start); user and password percent-encoded.
 */
export function smtpOptions(url: string): SmtpOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(
      'SMTP_URL は smtp://ユーザー:パスワード@ホスト:ポート の形で指定してください。 / SMTP_URL must look like smtp://user:pass@host:port',
    )
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error('SMTP_URL は smtp:// か smtps:// で始めてください。 / SMTP_URL must start with smtp:// or smtps://')
  }
  const secure = parsed.protocol === 'smtps:'
  const user = decodeURIComponent(parsed.username)
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
    ...(parsed.searchParams.get('requireTLS') === 'true' ? { requireTLS: true } : {}),
  }
}

/** MAIL_FROM: `えすこポータル <noreply@example.jp>` or a bare address. */
export function mailFrom(value = process.env.MAIL_FROM): { name: string; address: string } {
  const text = value?.trim()
  const fallback = { name: 'えすこポータル', address: 'noreply@localhost' }
  if (!text) return fallback
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text)
  return match ? { name: match[1].trim() || fallback.name, address: match[2].trim() } : { name: fallback.name, address: text }
}

/** t***@example.jp: enough to tell two mails apart in a development console, not to know who. */
export const maskAddress = (address: string): string => address.replace(/^(.)[^@]*@/, '$1***@')

type Delivery = (mail: Mail) => Promise<void>
const deliveries = new WeakMap<Payload, Delivery>()

type MailLogger = { info: (message: string) => void; warn: (message: string) => void }

/** The console transport: development prints subject, masked recipient and links; production says it dropped one. */
export function consoleDelivery(logger: MailLogger, production = process.env.NODE_ENV === 'production'): Delivery {
  return async (mail) => {
    if (production) {
      logger.warn(`[mail] SMTP_URL が未設定のため送信しませんでした: ${mail.subject}`)
      return
    }
    const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])]
    logger.info(
      `[mail] (SMTP_URL 未設定: 送信せず表示のみ) ${mail.subject} → ${maskAddress(mail.to)}${links.map((l) => `\n  ${l}`).join('')}`,
    )
  }
}

/**
 * The `email` of the Payload config. Its sendEmail queues; delivery (from the job) goes through nodemailer.
 * Read once at start: SMTP_URL and MAIL_FROM.
 */
export async function mailAdapter(env: NodeJS.ProcessEnv = process.env): Promise<EmailAdapter> {
  const from = mailFrom(env.MAIL_FROM)
  const smtpUrl = env.SMTP_URL?.trim()
  // skipVerify: no connection at start — the server may be down now and up when the first mail goes out.
  const smtp = smtpUrl
    ? await nodemailerAdapter({
        defaultFromAddress: from.address,
        defaultFromName: from.name,
        transportOptions: smtpOptions(smtpUrl),
        skipVerify: true,
      })
    : null
  return ({ payload }) => {
    if (smtp) {
      const transport = smtp({ payload })
      deliveries.set(payload, async (mail) => {
        try {
          await transport.sendEmail({
            from: { name: from.name, address: from.address },
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          })
        } catch (error) {
          // nodemailer's message may quote the recipient; the job log and the console get the SMTP code only.
          const e = error as { code?: string; responseCode?: number }
          // eslint-disable-next-line preserve-caught-error -- the cause may quote the recipient; its code is kept above
          throw new Error(
            `メールを送信できませんでした（SMTP ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}）。後で再送します。`,
          )
        }
      })
    } else {
      // `npm start` has warned once already (scripts/serve.mjs); each mail dropped is logged as it goes.
      deliveries.set(payload, consoleDelivery({ info: (m) => payload.logger.info(m), warn: (m) => payload.logger.warn(m) }))
    }
    return {
      name: smtp ? 'esuko-queue+nodemailer' : 'esuko-queue+console',
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      // Payload's own mails (forgot password) arrive here ready-made.
      sendEmail: async (message: SendEmailOptions) => {
        const to =
          typeof message.to === 'string'
            ? message.to
            : Array.isArray(message.to)
              ? String(message.to[0])
              : (message.to as { address?: string } | undefined)?.address
        if (!to || typeof message.html !== 'string') throw new Error('sendEmail: a recipient and an HTML body are required')
        const text = typeof message.text === 'string' ? message.text : undefined
        await queueMail({ payload }, { kind: 'message', message: { to, subject: String(message.subject ?? ''), html: message.html, text } })
      },
    }
  }
}

/** Sends a composed mail now, through the configured transport. Only the sendMail job calls this. */
async function deliver(payload: Payload, mail: Mail): Promise<void> {
  const delivery = deliveries.get(payload)
  if (!delivery) throw new Error('The mail transport is not initialised (payload.config.email must be mailAdapter()).')
  await delivery(mail)
}

/**
 * Queues a mail. With `req`, inside the caller's transaction: the job exists exactly when the submission does.
 * Only queues — never connects to an SMTP server — so it costs a form one insert.
 */
export async function queueMail(ctx: { payload: Payload; req?: PayloadRequest }, request: MailRequest): Promise<void> {
  await ctx.payload.jobs.queue({ task: 'sendMail', input: { request }, queue: MAIL_QUEUE, ...(ctx.req ? { req: ctx.req } : {}) })
}

/**
 * Queues from a hook after a resident's submission is stored: a mail that cannot be queued is reported (without
 * personal data) and never turns a stored submission into an error for the resident.
 */
export async function queueMailSafely(req: PayloadRequest, request: MailRequest): Promise<void> {
  try {
    await queueMail({ payload: req.payload, req }, request)
  } catch (error) {
    req.payload.logger.error(`[mail] could not queue ${request.kind}: ${(error as Error)?.message ?? error}`)
  }
}

/**
 * How the mail queue is run (autoRun in payload.config.ts, and tests). Payload's own error log would print the
 * whole job, and a password reset job holds an address and a reset link: it stays silent, and the task logs one
 * line without either.
 */
export const MAIL_RUN = { queue: MAIL_QUEUE, limit: 20, silent: { error: true } } as const

/** The queue task: compose from the record as it is now, deliver, or throw so Payload retries later. */
export const sendMailTask: TaskConfig<{ input: { request: MailRequest }; output: { sent: boolean } }> = {
  slug: 'sendMail',
  label: 'メールの送信',
  retries: MAIL_RETRIES,
  handler: async ({ input, job, req }) => {
    try {
      const mail = await composeMail(req, input.request)
      if (!mail) return { output: { sent: false } }
      await deliver(req.payload, mail)
      return { output: { sent: true } }
    } catch (error) {
      const attempt = (job.totalTried ?? 0) + 1
      req.payload.logger.error(
        `[mail] ${input.request.kind} not sent (job ${job.id}, attempt ${attempt} of ${MAIL_RETRIES.attempts + 1}): ${(error as Error)?.message ?? error}`,
      )
      throw error
    }
  },
}
