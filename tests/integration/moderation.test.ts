import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let storyId: number | string

beforeAll(async () => {
  payload = await bootPayload()
  const story = await payload.create({
    collection: 'stories',
    data: { title: 'Moderation', origin: 'editorial', reviewStatus: 'published', consent: recordedConsent(), _status: 'published' },
  })
  storyId = story.id
})
afterAll(() => shutdownPayload(payload))

const fromSite = { overrideAccess: false, context: { channel: 'site' } } as const

describe('cheers from residents', () => {
  it.each([
    ['with a message', 'いつもありがとう', 'pending'],
    ['without a message', undefined, 'none'],
  ])('%s → %s', async (_label, message, status) => {
    const cheer = await payload.create({
      collection: 'cheers',
      data: { story: storyId, message, messageStatus: 'approved' } as never,
      ...fromSite,
    })
    const stored = await payload.findByID({ collection: 'cheers', id: cheer.id, depth: 0 })
    expect(stored.messageStatus).toBe(status)
  })

  it('hides a message from the public until an editor approves it', async () => {
    const cheer = await payload.create({ collection: 'cheers', data: { story: storyId, message: '承認待ちの言葉' } as never, ...fromSite })
    const before = await payload.findByID({ collection: 'cheers', id: cheer.id, overrideAccess: false })
    expect(before.message).toBeUndefined()
    await payload.update({ collection: 'cheers', id: cheer.id, data: { messageStatus: 'approved' } })
    const after = await payload.findByID({ collection: 'cheers', id: cheer.id, overrideAccess: false })
    expect(after.message).toBe('承認待ちの言葉')
  })
})

describe('audit of cheers', () => {
  it('skips an anonymous cheer’s arrival but logs an editor approving its message', async () => {
    const editor = {
      ...(await payload.create({
        collection: 'users',
        data: { email: `ed-${Date.now()}@test.example`, name: '編集', roles: ['editor'], password: 'pw-123456789' },
      })),
      collection: 'users' as const,
    }
    const cheer = await payload.create({ collection: 'cheers', data: { story: storyId, message: '監査の確認' } as never, ...fromSite })
    const entries = (action: string) =>
      payload.count({
        collection: 'audit-log',
        where: { and: [{ collectionSlug: { equals: 'cheers' } }, { docId: { equals: String(cheer.id) } }, { action: { equals: action } }] },
      })
    expect((await entries('create')).totalDocs).toBe(0)
    await payload.update({ collection: 'cheers', id: cheer.id, data: { messageStatus: 'approved' }, overrideAccess: false, user: editor })
    expect((await entries('update')).totalDocs).toBe(1)
  })
})

describe('citizen photos follow photo consent', () => {
  const upload = async () => {
    const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0b5f3a' } })
      .png()
      .toBuffer()
    return payload.create({
      collection: 'media',
      data: { alt: '畑で笑う人の写真' },
      file: { data, mimetype: 'image/png', name: `photo-${Date.now()}.png`, size: data.length },
    })
  }
  const publicMediaIds = async () =>
    (await payload.find({ collection: 'media', overrideAccess: false, pagination: false })).docs.map((m) => String(m.id))

  it('restricts the file without consent and opens it with consent', async () => {
    const photo = await upload()
    expect(await publicMediaIds()).toContain(String(photo.id))
    const citizen = await payload.create({
      collection: 'citizens',
      data: {
        displayName: '写真の人',
        town: '加茂町',
        status: 'registered',
        photo: photo.id,
        consent: recordedConsent({ photo: false }),
      },
    })
    expect(await publicMediaIds()).not.toContain(String(photo.id))

    await payload.update({ collection: 'citizens', id: citizen.id, data: { consent: { publication: true, photo: true } } })
    expect(await publicMediaIds()).toContain(String(photo.id))
  })
})
