import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { getPayload } from 'payload'

import { ensureSchema } from '../../cms/db/ensureSchema'
import { flushTallies } from '../../cms/kpi/recountQueue'
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
  // Recounts still queued would run against a closed database.
  await flushTallies(payload).catch(() => {})
  await payload.destroy()
  // setup.ts gave this file a folder of its own under tests/.tmp: database, media and secret go with it.
  const dir = process.env.ESUKO_DATA_DIR
  if (dir?.includes(`${path.sep}tests${path.sep}.tmp${path.sep}`)) fs.rmSync(dir, { recursive: true, force: true })
}
