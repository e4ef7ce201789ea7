import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DELETION_CONFIRM_HOURS, DELETION_UNCONFIRMED_DAYS } from '../../cms/domain/submissions'
import { confirmDeletionByLink, deletionLinkState } from '../../cms/lib/deletionConfirm'
import { processDeletionRequests } from '../../cms/lib/retention'
import { signLink } from '../../cms/lib/signedLinks'
import { MAIL_RUN } from '../../cms/mail/send'
import type { DeletionRequest } from '../../cms/payload-types'
import { confirmLinkOf } from '../helpers/deletion'
import { auditEntries, createEvent, submitViaSite } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { linksIn, type ReceivedMail, type SmtpCatcher, startSmtp } from '../helpers/smtp'
import { createUser } from '../helpers/users'

// Issue 13, point 4: a deletion request does nothing until the requester is confirmed (the mailed link, or staff
// on the phone), the answer never tells whether data exists, and the requester is told when it is done. Mail goes
// through the portal's real mail adapter to a real SMTP server on loopback.
const SITE = 'https://esuko.test'
const HOUR = 3_600_000
const DAY = 24 * HOUR

let payload: Payload
let smtp: SmtpCatcher
let editor: Awaited<ReturnType<typeof createUser>>
let admin: Awaited<ReturnType<typeof createUser>>
let coordinator: Awaited<ReturnType<typeof createUser>>
let eventId: number | string

beforeAll(async () => {
  smtp = await startSmtp()
  process.env.SMTP_URL = smtp.url
  process.env.MAIL_FROM = 'えすこポータル事務局 <noreply@esuko.test>'
  process.env.SITE_PUBLIC_URL = SITE
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
  coordinator = await createUser(payload, 'coordinator')
  eventId = (await createEvent(payload, { capacity: null })).id
})
afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

const unique = () => Math.random().toString(36).slice(2, 8)
const runMailQueue = () => payload.jobs.run({ ...MAIL_RUN, limit: 100 })
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address))
const fileRequest = (contact: { email?: string; phone?: string }, note?: string) =>
  submitViaSite(payload, 'deletion-requests', { contact, note }) as Promise<DeletionRequest>
const requestOf = (id: number | string) => payload.findByID({ collection: 'deletion-requests', id, depth: 0 })

/** A resident's event registration: the personal data a deletion request is about. */
async function registration(contact: { email?: string; phone?: string }) {
  return submitViaSite(payload, 'event-registrations', { event: eventId, nickname: `参加者${unique()}`, contact })
}
const registrationContact = async (id: number | string) =>
  (await payload.findByID({ collection: 'event-registrations', id, depth: 0 })).contact ?? {}

/** A mail's text with its links taken out, to compare two mails that differ only in their link. */
const withoutLinks = (mail: ReceivedMail) => linksIn(mail.text).reduce((text, link) => text.replace(link, '<link>'), mail.text)

async function confirmationMailFor(address: string): Promise<ReceivedMail> {
  await runMailQueue()
  const mails = mailsTo(address).filter((m) => m.subject.includes('削除のご依頼'))
  expect(mails, `one confirmation mail to ${address}`).toHaveLength(1)
  return mails[0]
}

describe('a request filed through the site', () => {
  it('erases nothing until it is confirmed, and mails the same confirmation whether or not data exists', async () => {
    const known = `known-${unique()}@example.jp`
    const stranger = `stranger-${unique()}@example.jp`
    const reg = await registration({ email: known })
    const mine = await fileRequest({ email: known })
    const nobody = await fileRequest({ email: stranger })

    expect(await processDeletionRequests(payload)).toBe(0)
    expect((await registrationContact(reg.id)).email).toBe(known)
    for (const r of [mine, nobody]) expect((await requestOf(r.id)).status).toBe('received')

    const a = await confirmationMailFor(known)
    const b = await confirmationMailFor(stranger)
    expect(a.subject).toBe('【えすこポータル】個人情報の削除のご依頼について（確認のお願い）')
    // The HTML without its links and white space: where the transfer encoding leaves a line break depends on the
    // link's length (the request's id, the token), not on what the mail says.
    const htmlWithoutLinks = (mail: ReceivedMail) => mail.html.replace(/href="[^"]*"|>https?:[^<]*</g, '').replace(/\s+/g, '')
    expect([b.subject, withoutLinks(b), htmlWithoutLinks(b)]).toEqual([a.subject, withoutLinks(a), htmlWithoutLinks(a)])
    expect(a.text).toContain(`${DELETION_CONFIRM_HOURS}時間以内`)
    const link = new URL(linksIn(a.text).find((l) => l.startsWith(`${SITE}/privacy/delete/confirm?`))!)
    expect(link.searchParams.get('r')).toBe(String(mine.id))
    // Opening the link (what a mail scanner does) changes nothing.
    expect(await deletionLinkState(payload, link.searchParams.get('r')!, link.searchParams.get('t')!)).toBe('pending')
    expect((await requestOf(mine.id)).status).toBe('received')
  })

  it('sends no mail for a phone-only request (staff call instead)', async () => {
    const before = smtp.messages.length
    const request = await fileRequest({ phone: '090-1212-3434' })
    await runMailQueue()
    expect(smtp.messages.length).toBe(before)
    expect((await requestOf(request.id)).status).toBe('received')
  })
})

describe('the mailed link', () => {
  it.each([
    ['an altered token', (r: DeletionRequest) => ({ ...confirmLinkOf(r), t: `${confirmLinkOf(r).t.slice(0, -2)}xx` })],
    ['no token', (r: DeletionRequest) => ({ r: String(r.id), t: '' })],
    ['a token for another purpose', (r: DeletionRequest) => ({ r: String(r.id), t: signLink('cancel-registration', r.id) })],
    [
      'a token with its expiry moved later',
      (r: DeletionRequest) => {
        const { t } = confirmLinkOf(r)
        return { r: String(r.id), t: `${Date.now() + 10 * DAY}${t.slice(t.indexOf('.'))}` }
      },
    ],
  ])('refuses %s and leaves the request unconfirmed', async (_name, forge) => {
    const email = `forged-${unique()}@example.jp`
    const reg = await registration({ email })
    const request = await fileRequest({ email })
    const { r, t } = forge(request)
    expect(await deletionLinkState(payload, r, t)).toBeNull()
    expect(await confirmDeletionByLink(payload, r, t)).toBe('invalid')
    expect((await requestOf(request.id)).status).toBe('received')
    await processDeletionRequests(payload)
    expect((await registrationContact(reg.id)).email).toBe(email)
  })

  it("refuses another request's token: a link confirms only the request it was made for", async () => {
    const victim = await fileRequest({ email: `victim-${unique()}@example.jp` })
    const own = await fileRequest({ email: `own-${unique()}@example.jp` })
    const { t } = confirmLinkOf(own)
    expect(await confirmDeletionByLink(payload, String(victim.id), t)).toBe('invalid')
    expect((await requestOf(victim.id)).status).toBe('received')
  })

  it(`refuses a link older than ${DELETION_CONFIRM_HOURS} hours`, async () => {
    const request = await fileRequest({ email: `late-${unique()}@example.jp` })
    const { r, t } = confirmLinkOf(request)
    const later = Date.now() + (DELETION_CONFIRM_HOURS + 1) * HOUR
    expect(await deletionLinkState(payload, r, t, later)).toBeNull()
    expect(await confirmDeletionByLink(payload, r, t, later)).toBe('invalid')
    expect(await deletionLinkState(payload, r, t, Date.now() + (DELETION_CONFIRM_HOURS - 1) * HOUR)).toBe('pending')
  })
})

describe('a confirmed request', () => {
  it('erases the data, mails "done" without saying how much, clears its own contact, and is audited', async () => {
    const email = `confirmed-${unique()}@example.jp`
    const nothing = `nothing-${unique()}@example.jp`
    const reg = await registration({ email, phone: '080-5656-7878' })
    const other = await registration({ email: `bystander-${unique()}@example.jp` })
    const request = await fileRequest({ email }, '全部消してください')
    const empty = await fileRequest({ email: nothing })
    await runMailQueue()
    for (const r of [request, empty]) {
      const { r: id, t } = confirmLinkOf(r)
      expect(await confirmDeletionByLink(payload, id, t)).toBe('confirmed')
      // Pressing twice is fine.
      expect(await confirmDeletionByLink(payload, id, t)).toBe('confirmed')
    }
    const confirmed = await requestOf(request.id)
    expect(confirmed.status).toBe('verified')
    expect(confirmed.verification?.method).toBe('mail')
    expect(confirmed.verification?.verifiedAt).toBeTruthy()

    expect(await processDeletionRequests(payload)).toBe(2)
    expect(Object.values(await registrationContact(reg.id)).filter(Boolean)).toEqual([])
    expect((await registrationContact(other.id)).email).toMatch(/^bystander-/)

    const done = await requestOf(request.id)
    expect(done.status).toBe('done')
    expect(done.erasedRecords).toBeGreaterThan(0)
    expect([done.contact?.email ?? null, done.contact?.phone ?? null, done.note ?? null]).toEqual([null, null, null])
    // The link of a processed request says it is done and changes nothing.
    const { r, t } = confirmLinkOf(request)
    expect(await deletionLinkState(payload, r, t)).toBe('confirmed')

    await runMailQueue()
    const [doneMail] = mailsTo(email).filter((m) => m.subject.includes('完了'))
    const [emptyMail] = mailsTo(nothing).filter((m) => m.subject.includes('完了'))
    expect(doneMail.subject).toBe('【えすこポータル】個人情報の削除が完了しました')
    // The same words for a request that found data and one that found none; no count in either.
    expect([emptyMail.subject, emptyMail.text, emptyMail.html]).toEqual([doneMail.subject, doneMail.text, doneMail.html])
    expect(doneMail.text).not.toMatch(/\d+\s*件/)
    // The job that carried the address is gone once the mail went out.
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendMail' } }, pagination: false })
    expect(JSON.stringify(jobs.docs)).not.toContain(email)

    const audit = await auditEntries(payload, { docId: { equals: String(request.id) } })
    const steps = audit.filter((e) => e.action === 'verify_deletion' || e.action === 'process_deletion')
    expect(steps.map((e) => [e.action, e.channel])).toEqual([
      ['verify_deletion', 'site'],
      ['process_deletion', 'job'],
    ])
    expect(steps[0].summary).toContain('メールのリンク')
  })
})

describe('phone verification by staff', () => {
  const phoneCheck = { method: 'phone', note: '折り返し電話で、申し込んだイベント名と日時を確認' }

  it('an editor records it (who and when from the request, not the form), and the job then erases', async () => {
    const phone = '090-7878-1212'
    const reg = await registration({ phone })
    const request = await fileRequest({ phone })
    const updated = await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      // A forged verifier and time in the form are replaced by the signed-in editor and now.
      data: { status: 'verified', verification: { ...phoneCheck, verifiedBy: admin.id, verifiedAt: '2020-01-01T00:00:00.000Z' } } as never,
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(updated.status).toBe('verified')
    expect(updated.verification).toMatchObject({ method: 'phone', note: phoneCheck.note, verifiedBy: editor.id })
    expect(Date.now() - new Date(updated.verification!.verifiedAt!).getTime()).toBeLessThan(60_000)

    const [entry] = await auditEntries(payload, {
      and: [{ docId: { equals: String(request.id) } }, { action: { equals: 'verify_deletion' } }],
    })
    expect(entry).toMatchObject({ user: editor.id, channel: 'admin' })
    expect(entry.summary).toContain('職員による電話確認')

    // Editing the verification afterwards does not rewrite the record.
    const edited = await payload.update({
      collection: 'deletion-requests',
      id: request.id,
      data: { verification: { method: 'mail', note: '書き換え', verifiedBy: admin.id } } as never,
      user: admin,
      overrideAccess: false,
      depth: 0,
    })
    expect(edited.verification).toMatchObject({ method: 'phone', note: phoneCheck.note, verifiedBy: editor.id })

    await processDeletionRequests(payload)
    expect((await registrationContact(reg.id)).phone ?? null).toBeNull()
    expect((await requestOf(request.id)).contact?.phone ?? null).toBeNull()
  })

  it.each([
    ['without a note', { status: 'verified', verification: { method: 'phone', note: '  ' } }, /確認した内容/],
    ['claiming the mailed link', { status: 'verified', verification: { method: 'mail', note: '確認' } }, /職員による電話確認/],
    ['without a method', { status: 'verified' }, /職員による電話確認/],
    ['marking it done by hand', { status: 'done' }, /自動処理だけ/],
    ['marking it expired by hand', { status: 'expired' }, /自動処理だけ/],
  ])('refuses an editor %s, with a Japanese message', async (_name, data, message) => {
    const request = await fileRequest({ phone: '090-0000-1111' })
    const error = await payload
      .update({ collection: 'deletion-requests', id: request.id, data: data as never, user: editor, overrideAccess: false })
      .then(
        () => null,
        (e: { name?: string; data?: { errors?: { message?: string }[] } }) => e,
      )
    expect(error?.name).toBe('ValidationError')
    expect(error?.data?.errors?.map((e) => e.message).join(' ')).toMatch(message)
    expect((await requestOf(request.id)).status).toBe('received')
  })

  it.each([
    ['a coordinator', () => ({ user: coordinator, overrideAccess: false })],
    ['an anonymous caller (REST or the site)', () => ({ overrideAccess: false })],
    ['server code with no signed-in user', () => ({ overrideAccess: true })],
  ])('refuses %s', async (_name, as) => {
    const request = await fileRequest({ phone: '090-2222-3333' })
    await expect(
      payload.update({
        collection: 'deletion-requests',
        id: request.id,
        data: { status: 'verified', verification: phoneCheck } as never,
        ...as(),
      }),
    ).rejects.toThrow()
    const stored = await requestOf(request.id)
    expect(stored.status).toBe('received')
    expect(stored.verification?.verifiedBy ?? null).toBeNull()
  })

  it('a site submission cannot arrive confirmed', async () => {
    const request = await submitViaSite(payload, 'deletion-requests', {
      contact: { phone: '090-4444-5555' },
      status: 'verified',
      verification: { method: 'phone', note: '確認済み', verifiedBy: editor.id },
    })
    const stored = await requestOf(request.id)
    expect(stored.status).toBe('received')
    expect(stored.verification?.method ?? null).toBeNull()
  })
})

describe('an unconfirmed request', () => {
  it(`expires after ${DELETION_UNCONFIRMED_DAYS} days: its contact is erased, the data it named is not`, async () => {
    const email = `expire-${unique()}@example.jp`
    const reg = await registration({ email })
    const request = await fileRequest({ email, phone: '090-9999-8888' }, 'メモ')
    await processDeletionRequests(payload, { now: new Date(Date.now() + (DELETION_UNCONFIRMED_DAYS - 1) * DAY) })
    expect((await requestOf(request.id)).status).toBe('received')

    await processDeletionRequests(payload, { now: new Date(Date.now() + (DELETION_UNCONFIRMED_DAYS + 1) * DAY) })
    const expired = await requestOf(request.id)
    expect(expired.status).toBe('expired')
    expect([expired.contact?.email ?? null, expired.contact?.phone ?? null, expired.note ?? null]).toEqual([null, null, null])
    expect((await registrationContact(reg.id)).email).toBe(email)
    const { r, t } = confirmLinkOf(request)
    expect(await confirmDeletionByLink(payload, r, t)).toBe('invalid')
    const [entry] = await auditEntries(payload, {
      and: [{ docId: { equals: String(request.id) } }, { action: { equals: 'process_deletion' } }],
    })
    expect(entry.summary).toContain('期限')
  })
})
