import type { TestProject } from 'vitest/node'

import { startPortal } from '../helpers/servers'
import { freePort, smtpUrlFor } from '../helpers/smtp'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    cmsUrl: string
    smtpPort: number
  }
}

export default async function setup(project: TestProject) {
  // The portal mails through SMTP_URL; a test that wants the mails listens there (tests/e2e/mail.test.ts). Until one
  // does, nothing listens and the mails wait in the queue, as they would with the city's mail server down.
  const smtpPort = await freePort()
  const portal = await startPortal({ SMTP_URL: smtpUrlFor(smtpPort), MAIL_FROM: 'えすこポータル <noreply@esuko.test>' })
  project.provide('siteUrl', portal.siteUrl)
  project.provide('cmsUrl', portal.cmsUrl)
  project.provide('smtpPort', smtpPort)
  return portal.stop
}
