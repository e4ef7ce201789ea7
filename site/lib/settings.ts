import type { SiteSetting } from '../../cms/payload-types'
import { payloadClient } from './payload'
import { cached } from './cache'

export type PublicSettings = Pick<SiteSetting, 'hero' | 'navigation' | 'notices'>

async function getSiteSettingsUncached(): Promise<PublicSettings> {
  const payload = await payloadClient()
  return payload.findGlobal({
    slug: 'site-settings',
    select: { hero: true, navigation: true, notices: true },
    depth: 1,
    overrideAccess: false,
  }) as Promise<PublicSettings>
}
export const getSiteSettings = cached('settings.getSiteSettings', ['site-settings', 'media'], getSiteSettingsUncached)

/** Notices whose display window includes now. */
export const activeNotices = (settings: PublicSettings, now = new Date()) =>
  (settings.notices ?? []).filter((n) => (!n.from || new Date(n.from) <= now) && (!n.until || new Date(n.until) >= now))
