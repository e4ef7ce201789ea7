import type { Where } from 'payload'

import type { Citizen, Media } from '../../cms/payload-types'
import { slugTag } from '../../cms/lib/cacheProtocol'
import { payloadClient } from './payload'
import { cached, LIST_TTL_MS } from './cache'
import { findPreview } from './preview'
import { documentTags } from './references'

const CITIZEN_TAGS = ['citizens', 'media']

export type CitizenCard = Pick<Citizen, 'id' | 'displayName' | 'displayNameReading' | 'slug' | 'town' | 'district' | 'intro' | 'themes'> & {
  photo?: Media | number | null
}
export type CitizenPage = CitizenCard & Pick<Citizen, 'interests' | 'activities' | 'connectionMethod'>

const cardSelect = {
  displayName: true,
  displayNameReading: true,
  slug: true,
  town: true,
  district: true,
  intro: true,
  themes: true,
  photo: true,
} as const

// Access control on: only registered citizens who consented to publication come back, without private data.

async function listCitizensUncached({ town, theme, page = 1 }: { town?: string; theme?: string; page?: number } = {}) {
  const payload = await payloadClient()
  const and: Where[] = []
  if (town) and.push({ town: { equals: town } })
  if (theme) and.push({ themes: { in: [theme] } })
  const result = await payload.find({
    collection: 'citizens',
    where: and.length ? { and } : undefined,
    sort: 'displayName',
    select: cardSelect,
    depth: 1,
    limit: 24,
    page,
    overrideAccess: false,
  })
  return { ...result, docs: result.docs as CitizenCard[] }
}
export const listCitizens = cached('citizens.listCitizens', CITIZEN_TAGS, listCitizensUncached, { ttlMs: LIST_TTL_MS })

// What a citizen's page shows (public fields only), for the public read and the staff preview alike.
const citizenPageRead = { select: { ...cardSelect, interests: true, activities: true, connectionMethod: true }, depth: 1 } as const

async function findCitizenBySlugUncached(slug: string): Promise<CitizenPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'citizens',
    where: { slug: { equals: slug } },
    ...citizenPageRead,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as CitizenPage | undefined) ?? null
}
// Under its slug and what it shows (the person, their photo), so another citizen's registration leaves the page alone.
export const findCitizenBySlug = cached(
  'citizens.findCitizenBySlug',
  (slug: string) => [slugTag('citizens', slug)],
  findCitizenBySlugUncached,
  {
    tagsOf: (citizen) => (citizen ? documentTags({ citizens: [citizen.id], media: [citizen.photo] }) : []),
  },
)

/** A citizen's profile before it is public (not yet registered or consented) for a staff preview link; never cached. */
export const previewCitizen = (slug: string, token: string): Promise<CitizenPage | null> =>
  findPreview<CitizenPage>('citizens', token, { slug }, citizenPageRead)
