import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Citizen } from '../../cms/payload-types'
import { citizenData, createPhoto } from '../helpers/domain'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { recordedConsent, storyData } from '../helpers/fixtures'
import { createUser } from '../helpers/users'

let payload: Payload
let photoId: Citizen['id']
type Reader = 'anonymous' | 'organisation'
const readers: Record<Reader, Awaited<ReturnType<typeof createUser>> | undefined> = { anonymous: undefined, organisation: undefined }

beforeAll(async () => {
  payload = await bootPayload()
  readers.organisation = await createUser(payload, 'organisation')
  photoId = (await createPhoto(payload)).id as Citizen['id']
})
afterAll(() => shutdownPayload(payload))

// Each case's flags over a complete record (how and when): a flag without one is refused (publication-consent.test.ts).
const createCitizen = ({ consent, ...overrides }: Partial<Citizen>) =>
  payload.create({
    collection: 'citizens',
    data: citizenData({ photo: photoId, ...overrides, consent: { ...recordedConsent({ photo: false }), ...consent } }),
  })
const readAs = (reader: Reader, id: Citizen['id']) =>
  payload
    .find({ collection: 'citizens', where: { id: { equals: id } }, overrideAccess: false, user: readers[reader], depth: 0 })
    .then((r) => r.docs[0])

describe('who appears publicly', () => {
  const cases = [
    ['registered + publication consent', { status: 'registered', consent: { publication: true } }, true],
    ['registered without publication consent', { status: 'registered', consent: { publication: false } }, false],
    ['candidate with publication consent', { status: 'candidate', consent: { publication: true } }, false],
    ['paused with publication consent', { status: 'paused', consent: { publication: true } }, false],
    ['photo consent only', { status: 'registered', consent: { publication: false, photo: true } }, false],
  ] as [string, Partial<Citizen>, boolean][]

  it.each(
    (['anonymous', 'organisation'] as Reader[]).flatMap((reader) =>
      cases.map(([label, data, visible]) => [reader, label, data, visible] as const),
    ),
  )('%s reader, %s → visible: %s', async (reader, _label, data, visible) => {
    const citizen = await createCitizen(data)
    expect(Boolean(await readAs(reader, citizen.id))).toBe(visible)
    // findByID must agree with find: a direct link to a hidden profile is a 404, not a leak.
    const byId = payload.findByID({ collection: 'citizens', id: citizen.id, overrideAccess: false, user: readers[reader], depth: 0 })
    if (visible) await expect(byId).resolves.toMatchObject({ id: citizen.id })
    else await expect(byId).rejects.toThrow()
  })

  it('withdrawing consent hides a profile that was public', async () => {
    const citizen = await createCitizen({})
    expect(await readAs('anonymous', citizen.id)).toBeTruthy()
    await payload.update({ collection: 'citizens', id: citizen.id, data: { consent: { publication: false } } })
    expect(await readAs('anonymous', citizen.id)).toBeUndefined()
  })
})

describe('what a public profile shows', () => {
  it.each(['anonymous', 'organisation'] as Reader[])('%s: the photo only with photo consent', async (reader) => {
    const withPhoto = await readAs(reader, (await createCitizen({ consent: { publication: true, photo: true } })).id)
    const withoutPhoto = await readAs(reader, (await createCitizen({ consent: { publication: true, photo: false } })).id)
    expect(withPhoto.photo).toBe(photoId)
    expect(withoutPhoto.photo ?? undefined).toBeUndefined()
  })

  it.each(['anonymous', 'organisation'] as Reader[])('%s: never the private group, consent details or registrant', async (reader) => {
    const citizen = await createCitizen({ consent: { publication: true, photo: true, method: 'paper', givenAt: new Date().toISOString() } })
    const doc = await readAs(reader, citizen.id)
    expect(doc.displayName).toBe('山王寺の佐藤さん')
    expect(doc.private).toBeUndefined()
    expect(doc.consent?.method).toBeUndefined()
    expect(doc.consent?.givenAt).toBeUndefined()
    expect(doc.registeredBy).toBeUndefined()
    expect(JSON.stringify(doc)).not.toContain('hanako.sato@example.jp')
    expect(JSON.stringify(doc)).not.toContain('佐藤 花子')
  })

  it('an anonymous reader cannot filter citizens by private data', async () => {
    await createCitizen({})
    // A where clause on a hidden field would otherwise confirm whether someone with that email is a citizen.
    await expect(
      payload.find({ collection: 'citizens', where: { 'private.email': { equals: 'hanako.sato@example.jp' } }, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('a published story does not populate a citizen who has not consented', async () => {
    const hidden = await createCitizen({ displayName: '掲載に同意していない人', consent: { publication: false } })
    const shown = await createCitizen({ displayName: '掲載に同意した人' })
    const story = await payload.create({
      collection: 'stories',
      data: storyData({ title: '二人の話', citizens: [hidden.id, shown.id], _status: 'published' }),
    })
    const doc = await payload.findByID({ collection: 'stories', id: story.id, overrideAccess: false, depth: 1 })
    const json = JSON.stringify(doc.citizens)
    expect(json).toContain('掲載に同意した人')
    expect(json).not.toContain('掲載に同意していない人')
  })
})
