// The site's own media door (site/lib/media.ts behind /api/media/file/…) and the URLs pages hand out
// (site/lib/publicUrl.ts), against a real database and real files on disk. The image is wider than the largest
// size (hero, 1280): Payload never enlarges, so a smaller one would have no hero file.
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '../../cms/payload-types'
import { invalidate } from '../../site/lib/cache'
import { findPublicMediaFile, readMediaFile } from '../../site/lib/media'
import { absoluteUrl, mediaPath, siteOrigin } from '../../site/lib/publicUrl'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let open: Media
let restricted: Media

const upload = async (alt: string, isRestricted: boolean) => {
  const data = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt, restricted: isRestricted },
    file: { data, mimetype: 'image/png', name: `m-${Date.now()}-${alt.length}.png`, size: data.length },
  })
}

beforeAll(async () => {
  payload = await bootPayload()
  open = await upload('川辺の写真', false)
  restricted = await upload('同意のない写真です', true)
})
afterAll(() => shutdownPayload(payload))

describe('findPublicMediaFile', () => {
  const names = (m: Media) => [
    ['original', m.filename!, 'image/png'],
    ...(['thumb', 'card', 'hero'] as const).map((size) => [size, m.sizes![size]!.filename!, 'image/webp']),
  ]

  it('finds the original and every generated size of a public image, with its stored type and version', async () => {
    const cases = names(open)
    expect(cases).toHaveLength(4)
    for (const [size, name, type] of cases) {
      const found = await findPublicMediaFile(name)
      expect(found, size).toMatchObject({ mimeType: type, version: Date.parse(open.updatedAt).toString(36) })
      const bytes = await readMediaFile(found!)
      expect((await sharp(bytes!).metadata()).format, size).toBe(type === 'image/png' ? 'png' : 'webp')
    }
  })

  it('finds nothing for a restricted image (no photo consent), in any size', async () => {
    for (const [size, name] of names(restricted)) expect(await findPublicMediaFile(name), size).toBeNull()
  })

  it('stops serving an image as soon as it is restricted', async () => {
    const name = open.sizes!.card!.filename!
    expect(await findPublicMediaFile(name)).not.toBeNull()
    await payload.update({ collection: 'media', id: open.id, data: { restricted: true } })
    invalidate(['media'])
    expect(await findPublicMediaFile(name)).toBeNull()
    await payload.update({ collection: 'media', id: open.id, data: { restricted: false } })
    invalidate(['media'])
  })

  it.each(['../payload.config.ts', '..', '.', 'a/b.png', 'a\\b.png', '', 'x'.repeat(300), 'nothing-here.webp'])(
    'finds nothing for the name %j',
    async (name) => {
      expect(await findPublicMediaFile(name)).toBeNull()
    },
  )
})

describe('public URLs', () => {
  const saved = process.env.SITE_PUBLIC_URL
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_PUBLIC_URL
    else process.env.SITE_PUBLIC_URL = saved
  })
  const request = new URL('http://127.0.0.1:4321/stories/x')

  it.each([
    ['https://esuko.example.jp', 'https://esuko.example.jp'],
    ['https://esuko.test:8443/', 'https://esuko.test:8443'],
    ['', 'http://127.0.0.1:4321'],
    ['not a url', 'http://127.0.0.1:4321'],
  ])('SITE_PUBLIC_URL=%j: absolute links on %s', (setting, origin) => {
    process.env.SITE_PUBLIC_URL = setting
    expect(siteOrigin(request)).toBe(origin)
    expect(absoluteUrl('/rss.xml', request)).toBe(`${origin}/rss.xml`)
  })

  it.each([
    [
      '/api/media/file/a.webp',
      '2026-04-01T00:00:00.000Z',
      `/api/media/file/a.webp?v=${Date.parse('2026-04-01T00:00:00.000Z').toString(36)}`,
    ],
    ['https://admin.esuko.example.jp/api/media/file/a%20b.png', null, '/api/media/file/a%20b.png'],
    ['/api/media/file/a.webp', 'not a date', '/api/media/file/a.webp'],
    ['https://gravatar.com/avatar/x', null, undefined],
    ['/api/media/file/../x', null, undefined],
    [null, null, undefined],
  ])('media URL %j (version %j) is served from the site as %j', (url, version, expected) => {
    expect(mediaPath(url, version)).toBe(expected)
  })
})
