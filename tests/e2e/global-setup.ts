import type { TestProject } from 'vitest/node'

import { startPortal } from '../helpers/servers'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    cmsUrl: string
  }
}

export default async function setup(project: TestProject) {
  const portal = await startPortal()
  project.provide('siteUrl', portal.siteUrl)
  project.provide('cmsUrl', portal.cmsUrl)
  return portal.stop
}
