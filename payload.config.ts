import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ja } from '@payloadcms/translations/languages/ja'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from './cms/collections/AuditLog'
import { Cheers } from './cms/collections/Cheers'
import { Citizens } from './cms/collections/Citizens'
import { Connections } from './cms/collections/Connections'
import { DeletionRequests } from './cms/collections/DeletionRequests'
import { EventRegistrations } from './cms/collections/EventRegistrations'
import { Events } from './cms/collections/Events'
import { KpiTallies } from './cms/collections/KpiTallies'
import { Media } from './cms/collections/Media'
import { OfficialSurveyResults } from './cms/collections/OfficialSurveyResults'
import { Organisations } from './cms/collections/Organisations'
import { Participants } from './cms/collections/Participants'
import { Plans } from './cms/collections/Plans'
import { Redirects } from './cms/collections/Redirects'
import { SharedCounters } from './cms/collections/SharedCounters'
import { Stories } from './cms/collections/Stories'
import { SupportOffers } from './cms/collections/SupportOffers'
import { SurveyCodeBatches } from './cms/collections/SurveyCodeBatches'
import { SurveyCodeUses } from './cms/collections/SurveyCodeUses'
import { SurveyResponses } from './cms/collections/SurveyResponses'
import { Users } from './cms/collections/Users'
import { databaseAdapter } from './cms/db/adapter'
import { ADMIN_JA_OVERRIDES } from './cms/domain/adminLanguage'
import { ADMIN_DATE_TIME_FORMAT, ADMIN_TIMEZONES } from './cms/domain/dates'
import { KpiTargets } from './cms/globals/KpiTargets'
import { SiteSettings } from './cms/globals/SiteSettings'
import {
  processDeletionRequestsTask,
  purgeExpiredContactsTask,
  queueEditorDigestTask,
  recountKpiBucketsTask,
  recountKpiTalliesTask,
} from './cms/jobs/tasks'
import { recordRefusedSchedulePublish } from './cms/jobs/refusedSchedulePublish'
import { TALLY_QUEUE } from './cms/kpi/recountQueue'
import { MAIL_RUN, mailAdapter, sendMailTask } from './cms/mail/send'
import { seo } from './cms/plugins/seo'
import { sharedBehaviour } from './cms/plugins/sharedBehaviour'
import { projectRoot } from './cms/runtime/paths'
import { resolveSecret } from './cms/runtime/secret'

// Paths come from the working directory: Astro bundles this file into dist/.
const cmsDir = path.join(projectRoot(), 'cms')

export default buildConfig({
  serverURL: process.env.CMS_PUBLIC_URL || undefined,
  secret: resolveSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  // Every mail goes through the jobs queue and Payload's nodemailer adapter (SMTP_URL, MAIL_FROM): cms/mail/send.ts.
  email: mailAdapter(),
  collections: [
    Stories,
    Citizens,
    Connections,
    Plans,
    SupportOffers,
    Events,
    EventRegistrations,
    Organisations,
    Cheers,
    SurveyResponses,
    OfficialSurveyResults,
    SurveyCodeBatches,
    SurveyCodeUses,
    Participants,
    Media,
    DeletionRequests,
    Users,
    AuditLog,
    KpiTallies,
    SharedCounters,
    Redirects,
  ],
  globals: [SiteSettings, KpiTargets],
  // SEO fields (title, description, share image) on stories, plans and events (cms/plugins/seo.ts); then audit,
  // participant counting, site-cache invalidation and KPI recounts, added to the collections above in one
  // documented order (cms/plugins/sharedBehaviour.ts).
  plugins: [seo(), sharedBehaviour()],
  jobs: {
    tasks: [
      purgeExpiredContactsTask,
      processDeletionRequestsTask,
      recountKpiTalliesTask,
      recountKpiBucketsTask,
      queueEditorDigestTask,
      sendMailTask,
    ],
    // Only the admin process runs the queue (scripts/serve.mjs sets ESUKO_JOBS=1 there), so jobs run once.
    // Mails are looked for every 10 seconds: a password reset should not wait for a five-minute tick.
    autoRun: [
      { cron: '*/5 * * * *', queue: 'nightly', limit: 10 },
      { cron: '*/10 * * * * *', ...MAIL_RUN },
      // KPI recounts handed over by the site processes (cms/kpi/recountQueue.ts): the public figures lag a second.
      { cron: '* * * * * *', queue: TALLY_QUEUE, limit: 50 },
      // Scheduled publishing (the admin's 「公開を予約」) queues on the default queue.
      { cron: '* * * * *', queue: 'default', limit: 10 },
    ],
    shouldAutoRun: () => process.env.ESUKO_JOBS === '1',
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: { ja: '管理', en: 'Admin' }, useAsTitle: 'taskSlug' },
    }),
  },
  // A scheduled publish refused for want of consent or review leaves its reason in the audit log.
  onInit: (payload) => recordRefusedSchedulePublish(payload),
  admin: {
    user: Users.slug,
    meta: { titleSuffix: '｜えすこポータル管理' },
    // Payload's default loads each user's picture from gravatar.com (a hash of the staff e-mail leaves the city's
    // server, and offline the picture breaks): the built-in initials avatar instead.
    avatar: 'default',
    components: {
      // KPI progress and the moderation inbox for staff; the digest link for organisation managers.
      beforeDashboard: ['/components/KpiDashboard#KpiDashboard'],
      views: {
        // An organisation's feedback digest (cms/lib/digest.ts); its CSV is GET /api/organisations/:id/digest.csv.
        digest: { Component: '/components/DigestView#DigestView', path: '/digest', exact: true, meta: { title: '団体へのフィードバック' } },
      },
    },
    // Japan time only: no timezone question on any date field (cms/domain/dates.ts), dates written the Japanese way.
    timezones: ADMIN_TIMEZONES,
    dateFormat: ADMIN_DATE_TIME_FORMAT,
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js') },
  },
  // Staff and residents read Japanese only: with English offered too, a browser asking for English got it.
  i18n: { supportedLanguages: { ja }, fallbackLanguage: 'ja', translations: { ja: ADMIN_JA_OVERRIDES } },
  // The committed types come from `npm run generate` only. Payload's default regenerates them on every start outside
  // production, in a child process of its own: one per integration test file and server start (CPU the 2-core CI
  // needs), and a start on MongoDB rewrote the committed file with string ids.
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  // The portal reads through the Local API and REST only; GraphQL stays off (smaller surface, and Japanese
  // select values such as 大東町 cannot be GraphQL enum names).
  graphQL: { disable: true },
  telemetry: false,
})
