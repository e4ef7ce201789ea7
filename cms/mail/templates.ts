/**
 * Every mail the portal sends, as functions of plain data: Japanese subject, plain text and simple HTML.
 * A template describes its body as blocks; one renderer turns them into both parts, so the text and the HTML
 * never say different things and everything interpolated into the HTML is escaped in one place.
 * Nothing here reads the database (cms/mail/compose.ts does) or sends (cms/mail/send.ts does).
 */

export type Block =
  { p: string } | { link: string; label?: string } | { rows: [label: string, value: string][] } | { list: { text: string; url?: string }[] }

export type MailContent = { subject: string; text: string; html: string }

const SITE_NAME = 'えすこポータル'
const PROGRAMME = '雲南市「えすこな雲南市」事業'
const subjectOf = (text: string) => `【${SITE_NAME}】${text}`

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function toText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ('p' in b) return b.p
      if ('link' in b) return b.label ? `${b.label}\n${b.link}` : b.link
      if ('rows' in b) return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n')
      return b.list.map((item) => (item.url ? `・${item.text}\n  ${item.url}` : `・${item.text}`)).join('\n')
    })
    .join('\n\n')
}

function toHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p).replace(/\n/g, '<br>')}</p>`
      if ('link' in b) {
        const href = escapeHtml(b.link)
        return `<p>${b.label ? `${escapeHtml(b.label)}<br>` : ''}<a href="${href}">${href}</a></p>`
      }
      if ('rows' in b) {
        const rows = b.rows.map(
          ([label, value]) =>
            `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
        )
        return `<table role="presentation">${rows.join('')}</table>`
      }
      const items = b.list.map(
        (item) => `<li>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`,
      )
      return `<ul>${items.join('')}</ul>`
    })
    .join('\n')
  return `<!doctype html>\n<html lang="ja"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.7">\n${body}\n</body></html>`
}

const footer = (siteUrl: string): Block[] => [
  { p: '――――――――――\nこのメールは送信専用のアドレスから自動でお送りしています。ご返信いただいてもお答えできません。' },
  { p: `${SITE_NAME}（${PROGRAMME}）\n${siteUrl}` },
]

export function render(subject: string, blocks: Block[], siteUrl: string): MailContent {
  const all = [...blocks, ...footer(siteUrl)]
  return { subject: subjectOf(subject), text: `${toText(all)}\n`, html: toHtml(all) }
}

/** 2026年12月5日(土) 10:00, in Japan time. */
export function formatDateTimeJa(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}年${part('month')}${part('day')}日(${part('weekday')}) ${part('hour')}:${part('minute')}`
}

const honorific = (name: string | null | undefined) => (name?.trim() ? `${name.trim()} 様` : 'ご利用の皆さま')

// ---------------------------------------------------------------------------------------------------
// Staff

export function passwordResetMail(args: { name?: string | null; url: string; validMinutes: number; siteUrl: string }): MailContent {
  return render(
    'パスワード再設定のご案内',
    [
      { p: honorific(args.name) },
      {
        p: `えすこポータル管理画面のパスワード再設定のご依頼を受け付けました。\n次のリンクを開き、${args.validMinutes}分以内に新しいパスワードを設定してください。`,
      },
      { link: args.url, label: 'パスワードを再設定する:' },
      { p: 'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。' },
    ],
    args.siteUrl,
  )
}

export type DigestSection = {
  label: string
  newCount: number
  pendingCount: number
  items: { title: string; url: string }[]
  listUrl: string
}

export function editorDigestMail(args: {
  name?: string | null
  dayLabel: string
  sections: DigestSection[]
  adminUrl: string
  siteUrl: string
}): MailContent {
  const total = args.sections.reduce((sum, s) => sum + s.newCount, 0)
  const blocks: Block[] = [
    { p: honorific(args.name) },
    { p: `${args.dayLabel}に届いた新しい投稿・申し込みは ${total} 件です。内容の確認と公開の判断をお願いします。` },
  ]
  for (const section of args.sections) {
    if (!section.newCount) continue
    blocks.push({ p: `■ ${section.label}: 新着 ${section.newCount} 件（確認待ち 合計 ${section.pendingCount} 件）` })
    if (section.items.length) blocks.push({ list: section.items.map((item) => ({ text: item.title, url: item.url })) })
    if (section.newCount > section.items.length) blocks.push({ p: `ほか ${section.newCount - section.items.length} 件` })
    blocks.push({ link: section.listUrl, label: '一覧を開く:' })
  }
  blocks.push({ link: `${args.adminUrl}/admin`, label: '管理画面:' })
  blocks.push({ p: 'このお知らせは、新しい投稿があった日の翌朝に1日1通お送りしています。' })
  return render(`新しい投稿 ${total} 件（${args.dayLabel}）`, blocks, args.siteUrl)
}

// ---------------------------------------------------------------------------------------------------
// Residents

type RegistrationMailArgs = {
  reference?: string | null
  nickname: string
  eventTitle: string
  startsAt: string
  venue?: string | null
  partySize: number
  eventUrl: string
  cancelUrl: string
  siteUrl: string
}

const registrationRows = (args: RegistrationMailArgs): [string, string][] => [
  ...(args.reference ? ([['受付番号', args.reference]] as [string, string][]) : []),
  ['イベント', args.eventTitle],
  ['日時', formatDateTimeJa(args.startsAt)],
  ...(args.venue ? ([['会場', args.venue]] as [string, string][]) : []),
  ['お名前', args.nickname],
  ['人数', `${args.partySize} 名`],
]

const REFERENCE_NOTE = 'お問い合わせの際は、受付番号をお知らせください。'

export function registrationConfirmationMail(args: RegistrationMailArgs): MailContent {
  return render(
    `お申し込みを受け付けました：${args.eventTitle}`,
    [
      { p: honorific(args.nickname) },
      { p: 'イベントへのお申し込みをありがとうございます。次の内容で受け付けました。' },
      { rows: registrationRows(args) },
      { link: args.eventUrl, label: 'イベントの詳細:' },
      { p: 'ご都合が悪くなったときは、次のリンクからお申し込みを取り消せます（確認の画面が開きます）。' },
      { link: args.cancelUrl, label: 'お申し込みを取り消す:' },
      { p: `${REFERENCE_NOTE}\n当日お会いできるのを楽しみにしています。` },
    ],
    args.siteUrl,
  )
}

/** What happened to a registration after it was received. */
export type RegistrationNotice = 'waitlisted' | 'promoted' | 'cancelled'

export function registrationNoticeMail(notice: RegistrationNotice, args: RegistrationMailArgs): MailContent {
  const blocks: Block[] = [{ p: honorific(args.nickname) }]
  if (notice === 'waitlisted') {
    blocks.push(
      { p: '定員に達していたため、キャンセル待ちとして受け付けました。まだ参加は確定していません。' },
      { rows: registrationRows(args) },
      { p: '席が空いたときは、受け付けた順に自動で参加が確定し、あらためてメールでお知らせします。' },
      { link: args.eventUrl, label: 'イベントの詳細:' },
      { p: 'キャンセル待ちをやめるときは、次のリンクから取り消せます（確認の画面が開きます）。' },
      { link: args.cancelUrl, label: 'キャンセル待ちを取り消す:' },
      { p: REFERENCE_NOTE },
    )
  } else if (notice === 'promoted') {
    blocks.push(
      { p: '席が空いたため、キャンセル待ちでお申し込みいただいたイベントへの参加が確定しました。' },
      { rows: registrationRows(args) },
      { link: args.eventUrl, label: 'イベントの詳細:' },
      { p: 'ご都合が悪くなったときは、次のリンクからお申し込みを取り消せます（確認の画面が開きます）。' },
      { link: args.cancelUrl, label: 'お申し込みを取り消す:' },
      { p: `${REFERENCE_NOTE}\n当日お会いできるのを楽しみにしています。` },
    )
  } else {
    blocks.push(
      { p: '次のお申し込みを取り消しました。' },
      { rows: registrationRows(args) },
      { p: `お心当たりがない場合は、受付番号を添えて担当者までご連絡ください。\nまたの機会にお会いできるのを楽しみにしています。` },
      { link: args.eventUrl, label: 'イベントの詳細:' },
    )
  }
  const subject = { waitlisted: 'キャンセル待ちで受け付けました', promoted: '参加が確定しました', cancelled: 'お申し込みを取り消しました' }[
    notice
  ]
  return render(`${subject}：${args.eventTitle}`, blocks, args.siteUrl)
}

/** What a resident sent: a ウエルビーイングプラン or a nomination / story (えすこストーリー). */
export type SubmissionKind = 'plan' | 'nomination'
const SUBMISSION_NAME: Record<SubmissionKind, string> = { plan: 'ウエルビーイングプラン', nomination: '推薦・投稿' }

export function submissionReceivedMail(args: {
  kind: SubmissionKind
  nickname?: string | null
  title: string
  siteUrl: string
}): MailContent {
  const name = SUBMISSION_NAME[args.kind]
  const next =
    args.kind === 'plan'
      ? '担当者が内容を確認してから、サイトで紹介します。必要に応じて担当者からご連絡することがあります。'
      : '担当者が内容を確認し、紹介される方ご本人の同意をいただいてから紹介します。'
  return render(
    `${name}を受け付けました`,
    [
      { p: honorific(args.nickname) },
      { p: `${name}をお送りいただき、ありがとうございます。次の内容で受け付けました。` },
      { rows: [['タイトル', args.title]] },
      { p: `${next}\nサイトで公開したときは、あらためてメールでお知らせします。` },
    ],
    args.siteUrl,
  )
}

export function submissionPublishedMail(args: {
  kind: SubmissionKind
  nickname?: string | null
  title: string
  url: string
  siteUrl: string
}): MailContent {
  const name = SUBMISSION_NAME[args.kind]
  return render(
    `${name}を公開しました`,
    [
      { p: honorific(args.nickname) },
      { p: `お送りいただいた${name}「${args.title}」を、えすこポータルで公開しました。` },
      { link: args.url, label: '公開したページ:' },
      { p: 'ご協力ありがとうございました。ご家族やお知り合いにもぜひご紹介ください。' },
    ],
    args.siteUrl,
  )
}

/** The same mail whatever the portal holds for the address: it never says whether anything was found. */
export function deletionConfirmationMail(args: { url: string; validHours: number; siteUrl: string }): MailContent {
  return render(
    '個人情報の削除のご依頼について（確認のお願い）',
    [
      { p: 'ご利用の皆さま' },
      {
        p: `えすこポータルに、このメールアドレスに結びつく個人情報の削除のご依頼をいただきました。\nご本人のご依頼であることを確かめるため、${args.validHours}時間以内に次のリンクを開き、「削除を確定する」ボタンを押してください。ボタンを押すまで、何も削除されません。`,
      },
      { link: args.url, label: '削除のご依頼を確定する（確認の画面が開きます）:' },
      { p: 'お心当たりがない場合は、このメールを破棄してください。何も削除されず、ご依頼は期限が過ぎると取り消されます。' },
    ],
    args.siteUrl,
  )
}

/** After processing: the same words whether or not anything was stored, and no count. */
export function deletionDoneMail(args: { siteUrl: string }): MailContent {
  return render(
    '個人情報の削除が完了しました',
    [
      { p: 'ご利用の皆さま' },
      {
        p: 'ご依頼いただいた個人情報の削除の手続きが完了しました。ご依頼の連絡先に結びつく個人情報は、えすこポータルのすべての記録から削除しています。',
      },
      {
        p: '個人を特定できない集計の数値（参加者数など）は残ります。ご依頼のためにお預かりした連絡先も、このメールの送信をもって削除しました。',
      },
    ],
    args.siteUrl,
  )
}
