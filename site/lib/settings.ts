import type { SiteSetting } from '../../cms/payload-types'
import { payloadClient } from './payload'
import { cached, noteClockChange } from './cache'
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

/**
 * Notices whose display window includes now. Every page shows them, and a window opens and closes with no edit to
 * tell the caches: the render notes when the next one does (noteClockChange), so no kept page outlives it.
 */
export function activeNotices(settings: PublicSettings, now = new Date()) {
  const at = now.getTime()
  let next = Infinity
  const active = (settings.notices ?? []).filter((n) => {
    const from = n.from ? Date.parse(n.from) : -Infinity
    // Shown through `until` itself: gone the millisecond after.
    const until = n.until ? Date.parse(n.until) + 1 : Infinity
    for (const edge of [from, until]) if (edge > at && edge < next) next = edge
    return from <= at && at < until
  })
  if (next < Infinity) noteClockChange(next)
  return active
}
