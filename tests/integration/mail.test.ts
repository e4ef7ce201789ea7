import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { cancelRegistrationByLink, findRegistrationByLink } from '../../cms/lib/registrationCancel'
import { previousTokyoDay } from '../../cms/lib/submissionDigest'
import { consoleDelivery, MAIL_RUN, smtpOptions } from '../../cms/mail/send'
import { createEvent, planData, submitViaSite } from '../helpers/domain'
import { recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { linksIn, type ReceivedMail, type SmtpCatcher, startSmtp } from '../helpers/smtp'
import { createUser } from '../helpers/users'

// Mail through a real SMTP server on loopback: the portal's mail adapter (Payload's nodemailer adapter behind the
// jobs queue) logs in with the user and password from SMTP_URL, and every message is read back decoded.
const SITE = 'https://esuko.test'
const ADMIN = 'https://admin.esuko.test'

let payload: Payload
let smtp: SmtpCatcher

beforeAll(async () => {
  smtp = await startSmtp()
  process.env.SMTP_URL = smtp.url
  process.env.MAIL_FROM = 'えすこポータル事務局 <noreply@esuko.test>'
  process.env.SITE_PUBLIC_URL = SITE
  process.env.CMS_PUBLIC_URL = ADMIN
  payload = await bootPayload()
})
afterAll(async () => {
  await shutdownPayload(payload)
  await smtp?.stop()
})

const runMailQueue = () => payload.jobs.run({ ...MAIL_RUN, limit: 100 })
const mailJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'sendMail' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs
const unique = () => Math.random().toString(36).slice(2, 8)
const mailTo = (address: string) => smtp.waitFor((m) => m.to.includes(address))
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address))

/** A link of the mail that starts with the given prefix, found in the text part and the same in the HTML part. */
function linkIn(mail: ReceivedMail, prefix: string): URL {
  const link = linksIn(mail.text).find((l) => l.startsWith(prefix))
  expect(link, `a link starting with ${prefix} in:\n${mail.text}`).toBeTruthy()
  expect(mail.html).toContain(`href="${link!.replace(/&/g, '&amp;')}"`)
  return new URL(link!)
}

describe('SMTP_URL', () => {
  it.each([
    ['smtp://user:pass@mail.example.jp:587', { host: 'mail.example.jp', port: 587, secure: false, auth: { user: 'user', pass: 'pass' } }],
    ['smtps://u%40city:p%20w@mail.example.jp', { host: 'mail.example.jp', port: 465, secure: true, auth: { user: 'u@city', pass: 'p w' } }],
    ['smtp://127.0.0.1:2525', { host: '127.0.0.1', port: 2525, secure: false }],
  ])('%s', (url, expected) => {
    expect(smtpOptions(url)).toEqual(expected)
  })

  it.each(['http://mail.example.jp', 'mail.example.jp:25'])('refuses %s with a Japanese message', (url) => {
    expect(() => smtpOptions(url)).toThrow(/SMTP_URL は/)
  })
})

describe('without SMTP_URL', () => {
  const mail = {
    to: 'hanako.yamada@example.jp',
    subject: '【えすこポータル】テスト',
    text: '本文\nhttps://esuko.test/registrations/cancel?r=1&t=abc\n',
    html: '<p>本文</p>',
  }
  const capture = () => {
    const lines: string[] = []
    return { lines, logger: { info: (m: string) => void lines.push(m), warn: (m: string) => void lines.push(m) } }
  }

  it('development prints the subject, a masked recipient and the links, not the body', async () => {
    const { lines, logger } = capture()
    await consoleDelivery(logger, false)(mail)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('【えすこポータル】テスト')
    expect(lines[0]).toContain('h***@example.jp')
    expect(lines[0]).toContain('https://esuko.test/registrations/cancel?r=1&t=abc')
    expect(lines[0]).not.toContain('hanako.yamada')
    expect(lines[0]).not.toContain('本文')
  })

  it('production drops the mail and says so without the recipient or the links', async () => {
    const { lines, logger } = capture()
    await consoleDelivery(logger, true)(mail)
    expect(lines).toEqual(['[mail] SMTP_URL が未設定のため送信しませんでした: 【えすこポータル】テスト'])
  })
})

describe('registration confirmation', () => {
  it('reaches a resident who gave an address, from MAIL_FROM, with a cancel link that works after confirming', async () => {
    const event = await createEvent(payload, { title: `ふるまい市 ${unique()}`, capacity: 3, venue: '木次町民会館' })
    const email = `reg-${unique()}@example.jp`
    const registration = await submitViaSite(payload, 'event-registrations', {
      event: event.id,
      nickname: 'はなこ',
      partySize: 2,
      contact: { email },
    })

    await runMailQueue()
    const mail = await mailTo(email)
    expect(mail.subject).toBe(`【えすこポータル】お申し込みを受け付けました：${event.title}`)
    expect(mail.headers.from).toContain('<noreply@esuko.test>')
    expect(mail.text).toContain('はなこ 様')
    expect(mail.text).toContain('人数: 2 名')
    expect(mail.text).toContain('会場: 木次町民会館')
    expect(linkIn(mail, `${SITE}/events/`).pathname).toBe(`/events/${event.slug}`)

    const cancel = linkIn(mail, `${SITE}/registrations/cancel?`)
    const [r, t] = [cancel.searchParams.get('r')!, cancel.searchParams.get('t')!]
    expect(r).toBe(String(registration.id))
    // Opening the link shows the registration and changes nothing; the button cancels it.
    expect(await findRegistrationByLink(payload, r, t)).toMatchObject({
      nickname: 'はなこ',
      partySize: 2,
      eventTitle: event.title,
      state: 'confirmed',
    })
    expect(await cancelRegistrationByLink(payload, r, t)).toBe('cancelled')
    const stored = await payload.findByID({ collection: 'event-registrations', id: registration.id, overrideAccess: true })
    expect(stored.status).toBe('cancelled')
    // Pressing twice is harmless, and the freed seats take a new registration.
    expect(await cancelRegistrationByLink(payload, r, t)).toBe('cancelled')
    await submitViaSite(payload, 'event-registrations', {
      event: event.id,
      nickname: 'たろう',
      partySize: 3,
      contact: { phone: '0854-00-0000' },
    })
  })

  it('refuses a link whose token or id was changed', async () => {
    const event = await createEvent(payload, { title: `会議 ${unique()}` })
    const email = `forged-${unique()}@example.jp`
    const mine = await submitViaSite(payload, 'event-registrations', {
      event: event.id,
      nickname: 'じろう',
      partySize: 1,
      contact: { email },
    })
    const other = await submitViaSite(payload, 'event-registrations', {
      event: event.id,
      nickname: 'さぶろう',
      partySize: 1,
      contact: { phone: '0854-11-1111' },
    })
    await runMailQueue()
    const link = linkIn(await mailTo(email), `${SITE}/registrations/cancel?`)
    const token = link.searchParams.get('t')!
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    for (const [id, t] of [
      [String(other.id), token],
      [String(mine.id), flipped],
      [String(mine.id), ''],
      ['../1', token],
    ]) {
      expect(await cancelRegistrationByLink(payload, id, t)).toBe('invalid')
    }
    for (const id of [mine.id, other.id]) {
      expect((await payload.findByID({ collection: 'event-registrations', id, overrideAccess: true })).status).toBe('confirmed')
    }
  })

  it('is not queued for a registration without an address', async () => {
    const event = await createEvent(payload)
    const before = (await mailJobs()).length
    await submitViaSite(payload, 'event-registrations', {
      event: event.id,
      nickname: '電話の方',
      partySize: 1,
      contact: { phone: '0854-22-2222' },
    })
    expect((await mailJobs()).length).toBe(before)
  })
})

describe('received and published notices', () => {
  it('tell the proposer of a plan once when it is received and once when it is first published', async () => {
    const email = `plan-${unique()}@example.jp`
    const editor = await createUser(payload, 'editor')
    const plan = await submitViaSite(payload, 'plans', {
      ...planData({ title: '畑の日曜学校' }),
      proposerNickname: 'みどり',
      proposerContact: { email },
    })
    await runMailQueue()
    const received = await mailTo(email)
    expect(received.subject).toBe('【えすこポータル】ウエルビーイングプランを受け付けました')
    expect(received.text).toContain('みどり 様')
    expect(received.text).toContain('タイトル: 畑の日曜学校')

    await payload.update({ collection: 'plans', id: plan.id, data: { status: 'published' }, user: editor, overrideAccess: false })
    await payload.update({ collection: 'plans', id: plan.id, data: { status: 'in_progress' }, user: editor, overrideAccess: false })
    await runMailQueue()
    const published = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('公開しました'))
    expect(published.subject).toBe('【えすこポータル】ウエルビーイングプランを公開しました')
    const page = linkIn(published, `${SITE}/plans/`)
    expect(page.pathname).toBe(`/plans/${plan.id}`)
    // The link works: a resident (no user, access on) can read the plan it names.
    const readable = await payload.find({ collection: 'plans', where: { id: { equals: plan.id } }, overrideAccess: false })
    expect(readable.docs.map((d) => d.title)).toEqual(['畑の日曜学校'])
    expect(mailsTo(email).map((m) => m.subject)).toHaveLength(2)
  })

  it('tell the sender of a nomination when it is received and when it is published, with the story link', async () => {
    const email = `nominate-${unique()}@example.jp`
    const editor = await createUser(payload, 'editor')
    const story = await submitViaSite(payload, 'stories', {
      title: `朝の見守りの佐藤さん ${unique()}`,
      town: '大東町',
      origin: 'resident',
      submission: { nickname: 'やまだ', email },
    })
    await runMailQueue()
    expect((await mailTo(email)).subject).toBe('【えすこポータル】推薦・投稿を受け付けました')

    // A draft save once reviewed (with the nominee's consent) sends nothing; publishing does, once.
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { reviewStatus: 'approved', consent: recordedConsent() },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' }, user: editor, overrideAccess: false })
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { lead: '更新しました', _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    await runMailQueue()
    const published = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('公開しました'))
    expect(published.subject).toBe('【えすこポータル】推薦・投稿を公開しました')
    const slug = decodeURIComponent(linkIn(published, `${SITE}/stories/`).pathname.slice('/stories/'.length))
    const readable = await payload.find({ collection: 'stories', where: { slug: { equals: slug } }, overrideAccess: false })
    expect(readable.docs.map((d) => d.id)).toEqual([story.id])
    expect(mailsTo(email)).toHaveLength(2)
  })

  it('are not sent for staff work: an editorial story or a plan entered without the site', async () => {
    const editor = await createUser(payload, 'editor')
    const before = (await mailJobs()).length
    await payload.create({
      collection: 'stories',
      data: { title: '編集部の記事', _status: 'published', origin: 'editorial', reviewStatus: 'published', consent: recordedConsent() },
      user: editor,
      overrideAccess: false,
    })
    await payload.create({
      collection: 'plans',
      data: { ...planData(), proposerContact: { email: 'paper@example.jp' } },
      user: editor,
      overrideAccess: false,
    })
    expect((await mailJobs()).length).toBe(before)
  })
})

describe('staff password reset', () => {
  it('mails a Japanese reset link to CMS_PUBLIC_URL whose token sets a new password', async () => {
    const user = await createUser(payload, 'coordinator', `reset-${unique()}@example.jp`)
    await payload.forgotPassword({ collection: 'users', data: { email: user.email } })
    await runMailQueue()
    const mail = await mailTo(user.email)
    expect(mail.subject).toBe('【えすこポータル】パスワード再設定のご案内')
    expect(mail.text).toContain(`${user.name} 様`)
    expect(mail.text).toContain('60分以内')
    const link = linkIn(mail, `${ADMIN}/admin/reset/`)
    const token = decodeURIComponent(link.pathname.slice('/admin/reset/'.length))
    await payload.resetPassword({ collection: 'users', data: { token, password: 'new-password-456' }, overrideAccess: true })
    const login = await payload.login({ collection: 'users', data: { email: user.email, password: 'new-password-456' } })
    expect(login.user?.id).toBe(user.id)
  })
})

describe('editors’ daily digest', () => {
  it('sends each editor one mail for a day of submissions, titles and counts only', async () => {
    const editors = [await createUser(payload, 'editor'), await createUser(payload, 'admin')]
    const coordinator = await createUser(payload, 'coordinator')
    const titles = [`デジタル相談会 ${unique()}`, `子ども食堂 ${unique()}`]
    for (const title of titles)
      await submitViaSite(payload, 'plans', {
        ...planData({ title }),
        proposerNickname: 'ひみつ',
        proposerContact: { email: 'secret-proposer@example.jp' },
      })
    await runMailQueue()

    // Today's submissions are tomorrow's digest: run it for the day they arrived on.
    const today = previousTokyoDay(new Date(Date.now() + 24 * 60 * 60 * 1000))
    await payload.jobs.queue({ task: 'queueEditorDigest', input: { day: today }, queue: 'nightly' })
    await payload.jobs.run({ queue: 'nightly' })
    await runMailQueue()

    for (const editor of editors) {
      const mails = mailsTo(editor.email).filter((m) => m.subject.includes('新しい投稿'))
      expect(mails).toHaveLength(1)
      const [mail] = mails
      expect(mail.subject).toMatch(/^【えすこポータル】新しい投稿 \d+ 件（\d+月\d+日\(.\)）$/)
      for (const title of titles) expect(mail.text).toContain(title)
      expect(linkIn(mail, `${ADMIN}/admin/collections/plans/`).pathname).toMatch(/^\/admin\/collections\/plans\/\w+$/)
      expect(mail.raw).not.toContain('secret-proposer')
      expect(mail.text).not.toContain('ひみつ')
    }
    expect(mailsTo(coordinator.email)).toHaveLength(0)
  })

  it('sends nothing for a day without submissions', async () => {
    const editor = await createUser(payload, 'editor')
    await payload.jobs.queue({ task: 'queueEditorDigest', input: { day: '2020-01-01' }, queue: 'nightly' })
    await payload.jobs.run({ queue: 'nightly' })
    await runMailQueue()
    expect(mailsTo(editor.email)).toHaveLength(0)
  })
})

describe('SMTP server down', () => {
  it('stores the submission, keeps the mail and sends it on a later try', async () => {
    const port = smtp.port
    await smtp.stop()
    const email = `down-${unique()}@example.jp`
    const plan = await submitViaSite(payload, 'plans', {
      ...planData({ title: '停電中のプラン' }),
      proposerNickname: 'かぜ',
      proposerContact: { email },
    })
    expect((await payload.findByID({ collection: 'plans', id: plan.id, overrideAccess: true })).title).toBe('停電中のプラン')
    const staff = await createUser(payload, 'editor', `down-staff-${unique()}@example.jp`)
    await payload.forgotPassword({ collection: 'users', data: { email: staff.email } })

    // Everything the failing run writes to the log, to check it names no one.
    const logged: string[] = []
    const spies = (['error', 'warn', 'info'] as const).map((level) =>
      vi.spyOn(payload.logger, level).mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as never),
    )
    await runMailQueue()
    spies.forEach((spy) => spy.mockRestore())
    expect(logged.some((line) => line.includes('not sent'))).toBe(true)
    for (const secret of [email, staff.email, '/admin/reset/']) expect(logged.join('\n')).not.toContain(secret)
    const [job] = (await mailJobs()).filter((j) => {
      const { request } = j.input as { request: { kind: string; id: unknown } }
      return request.kind === 'submissionReceived' && request.id === plan.id
    })
    expect(job).toBeTruthy()
    expect(job.completedAt ?? null).toBeNull()
    expect(job.hasError).toBeFalsy()
    expect(job.totalTried).toBe(1)
    expect(new Date(job.waitUntil!).getTime()).toBeGreaterThan(Date.now())
    // What was logged about the failure names no one.
    expect(JSON.stringify(job.log ?? [])).not.toContain(email)
    // Before the back-off has passed, another run leaves it alone.
    await runMailQueue()
    expect((await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })).totalTried).toBe(1)

    smtp = await startSmtp(port)
    // The back-off has passed.
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await runMailQueue()
    const mail = await mailTo(email)
    expect(mail.subject).toBe('【えすこポータル】ウエルビーイングプランを受け付けました')
    // The reset mail waits in the queue likewise (its back-off has not passed yet).
    expect(mailsTo(staff.email)).toHaveLength(0)
    const left = await payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, overrideAccess: true })
    expect(left.docs).toHaveLength(0)
  })
})
