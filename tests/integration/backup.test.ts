import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backupSqlite, restoreSqlite } from '../../cms/db/sqliteBackup'
import { seedDemo } from '../../cms/seed'
import { bootPayload, shutdownPayload } from '../helpers/payload'

// The round trip is for the embedded default; MongoDB backups are mongodump's job.
const onSqlite = !process.env.ESUKO_TEST_MONGO_URI

/** Every collection's count and content hash, read by a separate process through Payload. */
const digestOf = (databaseUri: string, dataDir: string) => {
  const out = execFileSync(path.resolve('node_modules/.bin/payload'), ['run', 'scripts/digest.ts'], {
    env: { ...process.env, DATABASE_URI: databaseUri, ESUKO_DATA_DIR: dataDir, NODE_ENV: 'test' },
    encoding: 'utf8',
  })
  const line = out.split('\n').find((l) => l.startsWith('DIGEST '))!
  return JSON.parse(line.slice(7)) as Record<string, { count: number; sha256: string }>
}

describe.skipIf(!onSqlite)('backup and restore of the embedded database', () => {
  let payload: Payload
  const dataDir = () => process.env.ESUKO_DATA_DIR!

  beforeAll(async () => {
    payload = await bootPayload()
    await seedDemo(payload, { adminPassword: 'backup-test-password' })
  })
  afterAll(() => shutdownPayload(payload))

  it('restores a snapshot taken while writes go on, identical in every collection', async () => {
    const backupDir = path.join(dataDir(), 'backup')
    // A write racing the snapshot must not tear it: the snapshot holds all of it or none of it.
    const [manifest] = await Promise.all([
      backupSqlite(payload, backupDir),
      payload.create({ collection: 'survey-responses', data: { answer: '4', town: '木次町', ageBand: '30s', channel: 'web' } }),
    ])
    expect(Object.keys(manifest.counts)).toContain('citizens')
    expect(manifest.counts.stories).toBeGreaterThan(0)

    const original = digestOf(process.env.DATABASE_URI!, dataDir())
    const restoredDir = path.join(dataDir(), 'restored')
    restoreSqlite(backupDir, `file:${path.join(restoredDir, 'esuko.db')}`, path.join(restoredDir, 'media'))
    const restored = digestOf(`file:${path.join(restoredDir, 'esuko.db')}`, restoredDir)

    const survey = original['survey-responses'].count
    expect([survey, survey - 1]).toContain(restored['survey-responses'].count)
    const { 'survey-responses': _a, 'audit-log': _b, ...rest } = original
    const { 'survey-responses': _c, 'audit-log': _d, ...restoredRest } = restored
    expect(restoredRest).toEqual(rest)
    expect(Object.keys(restored).length).toBe(Object.keys(payload.collections).length)
    if (manifest.media) expect(fs.readdirSync(path.join(restoredDir, 'media')).length).toBeGreaterThan(0)
    // Two `payload run` processes each load the whole config: ~40 s on a busy two-core machine.
  }, 180_000)

  it('keeps the database it replaces beside it, and refuses a folder without a backup', () => {
    const target = path.join(dataDir(), 'second', 'esuko.db')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, 'old')
    restoreSqlite(path.join(dataDir(), 'backup'), `file:${target}`, path.join(dataDir(), 'second', 'media'))
    expect(fs.readdirSync(path.dirname(target)).some((f) => f.startsWith('esuko.db.before-restore-'))).toBe(true)
    expect(() => restoreSqlite(path.join(dataDir(), 'nothing-here'), `file:${target}`)).toThrow(/manifest/)
  })
})
