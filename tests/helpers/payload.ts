import fs from 'node:fs'

import type { Payload } from 'payload'
import { getPayload } from 'payload'

import { ensureSchema } from '../../cms/db/ensureSchema'
import { patchForJongodb } from './jongodb'

/** Boots Payload on this test file's own database (see setup.ts) with the schema applied. */
export async function bootPayload(): Promise<Payload> {
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  if (process.env.ESUKO_TEST_JONGODB === '1') patchForJongodb(payload)
  await ensureSchema(payload)
  return payload
}

/** Closes the connection and removes this file's SQLite database. */
export async function shutdownPayload(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  await payload.destroy()
  const uri = process.env.DATABASE_URI ?? ''
  if (uri.startsWith('file:')) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(uri.slice('file:'.length) + suffix, { force: true })
  }
}
