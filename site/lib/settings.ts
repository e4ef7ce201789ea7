import type { SiteSetting } from '../../cms/payload-types'
import { payloadClient } from './payload'
import { cached } from './cache'
import { documentTags } from './references'

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
// Every page reads the settings: under the hero image's own tag, not the whole media collection's, so uploading a
// photo or withdrawing one elsewhere leaves every page where it is.
export const getSiteSettings = cached('settings.getSiteSettings', ['site-settings'], getSiteSettingsUncached, {
  tagsOf: (settings) => documentTags({ media: [settings.hero?.image] }),
})

/** Notices whose display window includes now. */
export const activeNotices = (settings: PublicSettings, now = new Date()) =>
  (settings.notices ?? []).filter((n) => (!n.from || new Date(n.from) <= now) && (!n.until || new Date(n.until) >= now))
