import type { SiteSetting } from '../../cms/payload-types'
import { payloadClient } from './payload'

export type PublicSettings = Pick<SiteSetting, 'hero' | 'navigation' | 'notices'>

export async function getSiteSettings(): Promise<PublicSettings> {
  const payload = await payloadClient()
  return payload.findGlobal({
    slug: 'site-settings',
    select: { hero: true, navigation: true, notices: true },
    depth: 1,
    overrideAccess: false,
  }) as Promise<PublicSettings>
}

/** Notices whose display window includes now. */
export const activeNotices = (settings: PublicSettings, now = new Date()) =>
  (settings.notices ?? []).filter(
    (n) => (!n.from || new Date(n.from) <= now) && (!n.until || new Date(n.until) >= now),
  )
