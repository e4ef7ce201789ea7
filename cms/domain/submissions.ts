import { defineOptions, labelsJa } from './options'

/**
 * What residents send and how staff review it: the statuses of cheers, support offers, stories, event
 * registrations and deletion requests, and how a participant first took part.
 */

/** A cheer's message is shown only once approved. */
export const CHEER_MESSAGE_STATUS_OPTIONS = defineOptions([
  { value: 'none', label: { ja: 'メッセージなし', en: 'No message' } },
  { value: 'pending', label: { ja: '確認待ち', en: 'Pending' } },
  { value: 'approved', label: { ja: '公開', en: 'Approved' } },
  { value: 'rejected', label: { ja: '非公開', en: 'Rejected' } },
])
export type CheerMessageStatus = (typeof CHEER_MESSAGE_STATUS_OPTIONS)[number]['value']
export const APPROVED_CHEER_MESSAGE: CheerMessageStatus = 'approved'
/** A resident's cheer: a message waits for an editor, a cheer without one has nothing to review. */
export const residentCheerMessageStatus = (message: string | null | undefined): CheerMessageStatus => (message?.trim() ? 'pending' : 'none')

export const SUPPORT_OFFER_KIND_OPTIONS = defineOptions([
  { value: 'cheer', label: { ja: '応援したい', en: 'Cheer on' } },
  { value: 'help', label: { ja: '手伝える', en: 'Can help' } },
])
export type SupportOfferKind = (typeof SUPPORT_OFFER_KIND_OPTIONS)[number]['value']

/** An offer is public (nickname and message) once approved. */
export const SUPPORT_OFFER_STATUS_OPTIONS = defineOptions([
  { value: 'received', label: { ja: '受付', en: 'Received' } },
  { value: 'approved', label: { ja: '承認（公開）', en: 'Approved (public)' } },
  { value: 'declined', label: { ja: '見送り', en: 'Declined' } },
])
export type SupportOfferStatus = (typeof SUPPORT_OFFER_STATUS_OPTIONS)[number]['value']
export const APPROVED_SUPPORT_OFFER: SupportOfferStatus = 'approved'

export const STORY_ORIGIN_OPTIONS = defineOptions([
  { value: 'editorial', label: { ja: '編集部', en: 'Editorial' } },
  { value: 'resident', label: { ja: '住民からの投稿・推薦', en: 'Resident submission' } },
])

/**
 * A resident's story or nomination is reviewed before it may go public: 受付 → 確認中 → 確認済み, and only then
 * may an editor publish it (publishing moves 確認済み to 公開). Editorial stories need no review.
 */
export const STORY_REVIEW_STATUS_OPTIONS = defineOptions([
  { value: 'received', label: { ja: '受付', en: 'Received' } },
  { value: 'reviewing', label: { ja: '確認中', en: 'Reviewing' } },
  { value: 'approved', label: { ja: '確認済み（公開できる）', en: 'Approved' } },
  { value: 'published', label: { ja: '公開', en: 'Published' } },
  { value: 'declined', label: { ja: '見送り', en: 'Declined' } },
])
export type StoryReviewStatus = (typeof STORY_REVIEW_STATUS_OPTIONS)[number]['value']
export const STORY_REVIEW_LABEL = labelsJa<StoryReviewStatus>(STORY_REVIEW_STATUS_OPTIONS)
/** The review statuses from which a resident's story may be published. */
export const PUBLISHABLE_REVIEW_STATUSES: StoryReviewStatus[] = ['approved', 'published']

/** Why a story may not be published as far as its review goes, in Japanese; null when it may. */
export function reviewRefusal(story: { origin?: string | null; reviewStatus?: string | null }): string | null {
  const review = (story.reviewStatus ?? 'received') as StoryReviewStatus
  if (review === 'declined') return '「見送り」のストーリーは公開できません。確認状況を変えてから公開してください。'
  if (story.origin === 'resident' && !PUBLISHABLE_REVIEW_STATUSES.includes(review)) {
    return `住民からの投稿・推薦は、確認が済むまで公開できません。確認状況を「${STORY_REVIEW_LABEL.approved}」にしてから公開してください（現在:「${STORY_REVIEW_LABEL[review] ?? review}」）。`
  }
  return null
}

/**
 * A registration holds seats while confirmed (and once staff mark it attended); a waitlisted one holds none until
 * a freed seat promotes it (cms/lib/waitlist.ts). KPI 6 counts organisations of attended registrations.
 */
export const EVENT_REGISTRATION_STATUS_OPTIONS = defineOptions([
  { value: 'confirmed', label: { ja: '確定', en: 'Confirmed' } },
  { value: 'waitlisted', label: { ja: 'キャンセル待ち', en: 'Waiting list' } },
  { value: 'attended', label: { ja: '出席', en: 'Attended' } },
  { value: 'cancelled', label: { ja: 'キャンセル', en: 'Cancelled' } },
])
export type EventRegistrationStatus = (typeof EVENT_REGISTRATION_STATUS_OPTIONS)[number]['value']
/** The statuses that take seats of the event's capacity. */
export const SEAT_HOLDING_STATUSES: EventRegistrationStatus[] = ['confirmed', 'attended']
export const holdsSeats = (status: string | null | undefined): boolean => SEAT_HOLDING_STATUSES.includes(status as EventRegistrationStatus)
export const WAITLISTED: EventRegistrationStatus = 'waitlisted'
export const ATTENDED: EventRegistrationStatus = 'attended'

/**
 * A registration's reference number as residents read it out on the phone: 'E-7K3F-9Q2M'. Random (40 bits), so
 * one reference says nothing about the next; no 0/O/1/I to misread.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const REFERENCE_PATTERN = /^E-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/

/** A 共助会議 registrant who represents no organisation. */
export const NO_ORGANISATION = 'none'
/** A 共助会議 registrant whose organisation is not in the list yet: a name for staff to confirm. */
export const NEW_ORGANISATION = 'new'

/**
 * A deletion request erases nothing until the requester is known to be the person: confirmed through the link
 * mailed to the address given, or verified by staff on the phone. Only `verified` requests are processed; one left
 * `received` past DELETION_UNCONFIRMED_DAYS expires and its contact is erased.
 */
export const DELETION_REQUEST_STATUS_OPTIONS = defineOptions([
  { value: 'received', label: { ja: '受付・確認待ち', en: 'Received, awaiting confirmation' } },
  { value: 'verified', label: { ja: '確認済み', en: 'Confirmed' } },
  { value: 'done', label: { ja: '処理済み', en: 'Done' } },
  { value: 'expired', label: { ja: '期限切れ', en: 'Expired' } },
  { value: 'rejected', label: { ja: '対応不可', en: 'Rejected' } },
])
export type DeletionRequestStatus = (typeof DELETION_REQUEST_STATUS_OPTIONS)[number]['value']

/** How the requester was confirmed: by the mailed link (the server sets it) or by staff on the phone. */
export const DELETION_VERIFICATION_METHOD_OPTIONS = defineOptions([
  { value: 'mail', label: { ja: 'メールのリンク', en: 'Mailed link' } },
  { value: 'phone', label: { ja: '職員による電話確認', en: 'Phone call by staff' } },
])
export type DeletionVerificationMethod = (typeof DELETION_VERIFICATION_METHOD_OPTIONS)[number]['value']

/** How long the mailed confirmation link works. */
export const DELETION_CONFIRM_HOURS = 72
/** How long an unconfirmed request waits before it expires and its contact is erased. */
export const DELETION_UNCONFIRMED_DAYS = 7

/** How a participant first took part (KPI 2 counts people, not submissions). */
export const PARTICIPANT_CHANNEL_OPTIONS = defineOptions([
  { value: 'plan', label: { ja: 'プラン投稿', en: 'Plan' } },
  { value: 'support', label: { ja: '応援の申し出', en: 'Support offer' } },
  { value: 'event', label: { ja: 'イベント申し込み', en: 'Event registration' } },
  { value: 'nomination', label: { ja: '推薦・ストーリー投稿', en: 'Nomination' } },
  { value: 'citizen', label: { ja: 'えすこ市民登録', en: 'Citizen registration' } },
  { value: 'other', label: { ja: 'その他', en: 'Other' } },
])
export type ParticipantChannel = (typeof PARTICIPANT_CHANNEL_OPTIONS)[number]['value']

/** How a survey answer was given. */
export const SURVEY_CHANNEL_OPTIONS = defineOptions([
  { value: 'web', label: { ja: 'ウェブ', en: 'Web' } },
  { value: 'paper', label: { ja: '紙', en: 'Paper' } },
  { value: 'event', label: { ja: 'イベント会場', en: 'At an event' } },
])

/** What the audit log records. */
export const AUDIT_ACTION_OPTIONS = defineOptions([
  { value: 'create', label: { ja: '作成', en: 'Created' } },
  { value: 'update', label: { ja: '変更', en: 'Changed' } },
  { value: 'publish', label: { ja: '公開', en: 'Published' } },
  { value: 'unpublish', label: { ja: '非公開化', en: 'Unpublished' } },
  { value: 'feature', label: { ja: '注目に設定', en: 'Featured' } },
  { value: 'unfeature', label: { ja: '注目を解除', en: 'Unfeatured' } },
  { value: 'delete', label: { ja: '削除', en: 'Deleted' } },
  { value: 'read_personal', label: { ja: '個人情報の閲覧', en: 'Read personal data' } },
  { value: 'erase_personal', label: { ja: '個人情報の消去', en: 'Erased personal data' } },
  { value: 'change_roles', label: { ja: '役割・管理する団体の変更', en: 'Changed roles' } },
  { value: 'verify_deletion', label: { ja: '削除依頼の本人確認', en: 'Deletion request verified' } },
  { value: 'process_deletion', label: { ja: '削除依頼の処理・期限切れ', en: 'Deletion request processed or expired' } },
  { value: 'publish_refused', label: { ja: '予約公開の中止（同意・確認の不足）', en: 'Scheduled publishing refused' } },
])
export type AuditAction = (typeof AUDIT_ACTION_OPTIONS)[number]['value']
