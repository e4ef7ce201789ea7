import type { Where } from 'payload'

import type { Media, Organisation } from '../../cms/payload-types'
import { slugTag } from '../../cms/lib/cacheProtocol'
import { payloadClient } from './payload'
import { cached, LIST_TTL_MS } from './cache'
import { findPreview } from './preview'
import { documentTags, richTextReferences } from './references'

const ORG_TAGS = ['organisations', 'media']

export type OrganisationCard = Pick<
  Organisation,
  'id' | 'name' | 'reading' | 'slug' | 'kind' | 'town' | 'district' | 'summary' | 'verified'
> & {
  logo?: Media | number | null
}
export type OrganisationPage = OrganisationCard & Pick<Organisation, 'body' | 'contact'>

const cardSelect = {
  name: true,
  reading: true,
  slug: true,
  kind: true,
  town: true,
  district: true,
  summary: true,
  verified: true,
  logo: true,
} as const

async function listOrganisationsUncached({ kind, town, page = 1 }: { kind?: string; town?: string; page?: number } = {}) {
  const payload = await payloadClient()
  const and: Where[] = []
  if (kind) and.push({ kind: { equals: kind } })
  if (town) and.push({ town: { equals: town } })
  const result = await payload.find({
    collection: 'organisations',
    where: and.length ? { and } : undefined,
    sort: 'reading',
    select: cardSelect,
    depth: 1,
    limit: 24,
    page,
    overrideAccess: false,
  })
  return { ...result, docs: result.docs as OrganisationCard[] }
}
export const listOrganisations = cached('organisations.listOrganisations', ORG_TAGS, listOrganisationsUncached, {
  ttlMs: LIST_TTL_MS,
})

// What an organisation's page shows, for the public read and the staff preview alike.
const organisationPageRead = { select: { ...cardSelect, body: true, contact: true }, depth: 1 } as const

async function findOrganisationBySlugUncached(slug: string): Promise<OrganisationPage | null> {
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'organisations',
    where: { slug: { equals: slug } },
    ...organisationPageRead,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  return (result.docs[0] as OrganisationPage | undefined) ?? null
}
// Under its slug and what it shows (the organisation, its logo, what its text embeds).
export const findOrganisationBySlug = cached(
  'organisations.findOrganisationBySlug',
  (slug: string) => [slugTag('organisations', slug)],
  findOrganisationBySlugUncached,
  { tagsOf: (org) => (org ? [...documentTags({ organisations: [org.id], media: [org.logo] }), ...richTextReferences(org.body)] : []) },
)

/** An organisation's profile before it is published, for a staff preview link; never cached. */
export const previewOrganisation = (slug: string, token: string): Promise<OrganisationPage | null> =>
  findPreview<OrganisationPage>('organisations', token, { slug }, organisationPageRead)

/** Every public organisation's id and name, in reading order: the choices of a 共助会議 registration. */
async function organisationChoicesUncached(): Promise<{ value: string; label: string }[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'organisations',
    sort: 'reading',
    select: { name: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
  })
  return docs.map((o) => ({ value: String(o.id), label: o.name }))
}
export const organisationChoices = cached('organisations.organisationChoices', ORG_TAGS, organisationChoicesUncached)
