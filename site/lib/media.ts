import fs from 'node:fs/promises'
import path from 'node:path'

import { remember } from './cache'
import { payloadClient } from './payload'

const SIZES = ['thumb', 'card', 'hero'] as const

export type MediaFile = { file: string; mimeType: string; version: string }

// One file name: no directory part, nothing a path could climb out of the media folder with.
const SAFE_NAME = /^[^/\\\0]{1,255}$/

/**
 * The stored file behind a media URL (the original or one of its generated sizes), as the public may see it:
 * a document marked `restricted` (e.g. a photo without consent) is found as nothing at all, exactly like a name
 * that does not exist. Cached under the `media` tag, which every media edit drops.
 */
export function findPublicMediaFile(filename: string): Promise<MediaFile | null> {
  if (!SAFE_NAME.test(filename) || filename !== path.basename(filename) || filename === '.' || filename === '..')
    return Promise.resolve(null)
  return remember(`media.file:${filename}`, ['media'], async () => {
    const payload = await payloadClient()
    const { docs } = await payload.find({
      collection: 'media',
      where: { or: [{ filename: { equals: filename } }, ...SIZES.map((size) => ({ [`sizes.${size}.filename`]: { equals: filename } }))] },
      overrideAccess: false,
      depth: 0,
      limit: 1,
      pagination: false,
    })
    const doc = docs[0]
    if (!doc || doc.restricted) return null
    const size = SIZES.find((s) => doc.sizes?.[s]?.filename === filename)
    const mimeType = (size ? doc.sizes?.[size]?.mimeType : doc.mimeType) ?? null
    const staticDir = payload.collections.media.config.upload.staticDir
    if (!mimeType || !staticDir) return null
    return { file: path.join(staticDir, filename), mimeType, version: Date.parse(doc.updatedAt).toString(36) }
  })
}

/** The file's bytes, or null when it is missing on disk (a document without its file). */
export async function readMediaFile(media: MediaFile): Promise<Buffer | null> {
  try {
    return await fs.readFile(media.file)
  } catch {
    return null
  }
}
