import type { PayloadRequest } from 'payload'

import type { Id } from '../domain/ids'
import { idOf } from '../domain/ids'
import { DELETION_CONFIRM_HOURS } from '../domain/submissions'
import { deletionConfirmUrl } from '../lib/deletionConfirm'
import { cmsPublicUrl, sitePublicUrl } from '../lib/publicUrls'
import { registrationCancelUrl } from '../lib/registrationCancel'
import { buildSubmissionDigest } from '../lib/submissionDigest'
import type { DeletionRequest, Event, EventRegistration, Plan, Story, User } from '../payload-types'
import {
  deletionConfirmationMail,
  deletionDoneMail,
  editorDigestMail,
  passwordResetMail,
  type MailContent,
  registrationConfirmationMail,
  type RegistrationNotice,
  registrationNoticeMail,
  type SubmissionKind,
  submissionPublishedMail,
  submissionReceivedMail,
} from './templates'

/**
 * What a queued mail is, as stored in the job: a reference to a record, not the mail itself. The mail is
 * composed when the job runs, from the record as it is then: a contact erased meanwhile (retention, a deletion
 * request) means no mail, and no address or body sits in the jobs table waiting. Only mails Payload composes
 * itself (the password reset) arrive ready-made.
 */
export type MailRequest =
  | { kind: 'message'; message: { to: string; subject: string; html: string; text?: string } }
  | { kind: 'registrationConfirmation'; id: Id }
  | { kind: 'registrationNotice'; notice: RegistrationNotice; id: Id }
  | { kind: 'submissionReceived'; collection: SubmissionCollection; id: Id }
  | { kind: 'submissionPublished'; collection: SubmissionCollection; id: Id }
  | { kind: 'editorDigest'; user: Id; day: string }
  | { kind: 'deletionConfirmation'; id: Id }
  // The request's own contact is erased when it is processed, so this one mail carries its address in the job
  // (deleted once sent, like every completed job).
  | { kind: 'deletionDone'; to: string }

export type SubmissionCollection = 'plans' | 'stories'

export type Mail = MailContent & { to: string }

const KIND: Record<SubmissionCollection, SubmissionKind> = { plans: 'plan', stories: 'nomination' }

/** The resident-facing page of a published submission. */
const publicUrl = (collection: SubmissionCollection, doc: Plan | Story) =>
  collection === 'plans'
    ? `${sitePublicUrl()}/plans/${encodeURIComponent(String(doc.id))}`
    : `${sitePublicUrl()}/stories/${encodeURIComponent((doc as Story).slug ?? String(doc.id))}`

/** The submitter's address and nickname, wherever each collection keeps them. */
function submitter(collection: SubmissionCollection, doc: Plan | Story): { email?: string | null; nickname?: string | null } {
  if (collection === 'plans') {
    const plan = doc as Plan
    return { email: plan.proposerContact?.email, nickname: plan.proposerNickname }
  }
  const story = doc as Story
  return { email: story.submission?.email, nickname: story.submission?.nickname }
}

async function findDoc<T>(
  req: PayloadRequest,
  collection: 'plans' | 'stories' | 'event-registrations' | 'events' | 'users' | 'deletion-requests',
  id: Id,
  draft = false,
): Promise<T | null> {
  return (await req.payload.findByID({ collection, id, depth: 0, draft, overrideAccess: true, disableErrors: true, req })) as T | null
}

const NOTICE_STATUS: Record<RegistrationNotice, EventRegistration['status']> = {
  waitlisted: 'waitlisted',
  promoted: 'confirmed',
  cancelled: 'cancelled',
}

/**
 * The mail a request stands for, or null when there is nothing to send (the record or its address is gone, the
 * story was unpublished again before the notice went out, a digest day with no submissions).
 */
export async function composeMail(req: PayloadRequest, request: MailRequest): Promise<Mail | null> {
  const siteUrl = sitePublicUrl()
  switch (request.kind) {
    case 'message': {
      const { to, subject, html, text } = request.message
      return { to, subject, html, text: text ?? textFromHtml(html) }
    }
    case 'registrationConfirmation':
    case 'registrationNotice': {
      const registration = await findDoc<EventRegistration>(req, 'event-registrations', request.id)
      const to = registration?.contact?.email
      // A notice goes out only while it is still true: a registration cancelled before its confirmation was sent,
      // or promoted before its waiting-list notice was, gets only the mail that is true now.
      const status = request.kind === 'registrationConfirmation' ? 'confirmed' : NOTICE_STATUS[request.notice]
      if (!registration || !to || registration.status !== status) return null
      const eventId = idOf(registration.event)
      const event = eventId === null ? null : await findDoc<Event>(req, 'events', eventId)
      if (!event) return null
      const args = {
        reference: registration.reference,
        nickname: registration.nickname,
        eventTitle: event.title,
        startsAt: event.startsAt,
        venue: event.venue,
        partySize: registration.partySize ?? 1,
        eventUrl: `${siteUrl}/events/${encodeURIComponent(event.slug ?? String(event.id))}`,
        cancelUrl: registrationCancelUrl(registration.id),
        siteUrl,
      }
      return {
        to,
        ...(request.kind === 'registrationConfirmation'
          ? registrationConfirmationMail(args)
          : registrationNoticeMail(request.notice, args)),
      }
    }
    case 'submissionReceived':
    case 'submissionPublished': {
      const published = request.kind === 'submissionPublished'
      const doc = await findDoc<Plan | Story>(req, request.collection, request.id, !published)
      if (!doc) return null
      const { email, nickname } = submitter(request.collection, doc)
      if (!email) return null
      const kind = KIND[request.collection]
      if (!published) return { to: email, ...submissionReceivedMail({ kind, nickname, title: doc.title, siteUrl }) }
      if (request.collection === 'stories' && (doc as Story)._status !== 'published') return null
      return {
        to: email,
        ...submissionPublishedMail({ kind, nickname, title: doc.title, url: publicUrl(request.collection, doc), siteUrl }),
      }
    }
    case 'deletionConfirmation': {
      const deletion = await findDoc<DeletionRequest>(req, 'deletion-requests', request.id)
      const to = deletion?.contact?.email
      if (!deletion || !to || deletion.status !== 'received') return null
      return { to, ...deletionConfirmationMail({ url: deletionConfirmUrl(deletion), validHours: DELETION_CONFIRM_HOURS, siteUrl }) }
    }
    case 'deletionDone':
      return { to: request.to, ...deletionDoneMail({ siteUrl }) }
    case 'editorDigest': {
      const user = await findDoc<User>(req, 'users', request.user)
      if (!user?.email) return null
      const digest = await buildSubmissionDigest(req.payload, request.day)
      if (!digest.total) return null
      return {
        to: user.email,
        ...editorDigestMail({ name: user.name, dayLabel: digest.dayLabel, sections: digest.sections, adminUrl: cmsPublicUrl(), siteUrl }),
      }
    }
  }
}

/** How long a password reset link stays valid (Payload's forgotPassword.expiration). */
export const PASSWORD_RESET_MINUTES = 60

/** The staff password reset, for Payload's forgotPassword: the link opens the admin at CMS_PUBLIC_URL. */
export function composePasswordReset(req: PayloadRequest, token: string, user: { name?: string | null } | null | undefined): MailContent {
  const { routes, admin } = req.payload.config
  const url = `${cmsPublicUrl()}${routes.admin}${admin.routes.reset}/${encodeURIComponent(token)}`
  return passwordResetMail({ name: user?.name, url, validMinutes: PASSWORD_RESET_MINUTES, siteUrl: sitePublicUrl() })
}

/** A plain-text part for a mail that came as HTML only: links kept as their address, tags dropped. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>[\s\S]*?<\/a>/gi, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
