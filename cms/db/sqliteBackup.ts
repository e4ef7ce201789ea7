// SQLite-only module: the embedded database's online snapshot and restore. MongoDB uses mongodump/mongorestore (README).
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { dataDir } from '../runtime/paths'

type SqliteClient = { execute: (stmt: { sql: string; args: unknown[] } | string) => Promise<unknown> }

export type BackupManifest = { createdAt: string; database: string; media: boolean; counts: Record<string, number> }

const filePath = (url: string) => url.replace(/^file:(\/\/)?/, '')

/**
 * A consistent copy of the live database (`VACUUM INTO` reads one snapshot while the servers keep
 * writing), plus the uploaded media and a manifest with every collection's count.
 */
export async function backupSqlite(payload: Payload, targetDir: string): Promise<BackupManifest> {
  if (payload.db.name !== 'sqlite')
    throw new Error('npm run backup はSQLite（組み込みDB）用です。MongoDBは mongodump を使ってください（README参照）。')
  fs.mkdirSync(targetDir, { recursive: true })
  const database = path.join(targetDir, 'esuko.db')
  if (fs.existsSync(database)) throw new Error(`${database} は既に存在します。別の保存先を指定してください。`)
  const client = (payload.db as unknown as { client: SqliteClient }).client
  await client.execute({ sql: 'VACUUM INTO ?', args: [database] })

  const media = path.join(dataDir(), 'media')
  const hasMedia = fs.existsSync(media)
  if (hasMedia) fs.cpSync(media, path.join(targetDir, 'media'), { recursive: true })

  const counts: Record<string, number> = {}
  for (const slug of Object.keys(payload.collections)) {
    counts[slug] = (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs
  }
  const manifest: BackupManifest = { createdAt: new Date().toISOString(), database: 'esuko.db', media: hasMedia, counts }
  fs.writeFileSync(path.join(targetDir, 'manifest.json'), JSON.stringify(manifest, null, 2))
  return manifest
}

/**
 * Puts a backup in place of the embedded database (servers stopped). The current files are kept beside
 * it as *.before-restore so a mistaken restore can be undone.
 */
export function restoreSqlite(backupDir: string, databaseUrl: string, mediaDir = path.join(dataDir(), 'media')): BackupManifest {
  const manifestFile = path.join(backupDir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) throw new Error(`${backupDir} にバックアップ（manifest.json）が見つかりません。`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest
  const target = filePath(databaseUrl)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  fs.mkdirSync(path.dirname(target), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, `${target}${suffix}.before-restore-${stamp}`)
  }
  fs.copyFileSync(path.join(backupDir, manifest.database), target)
  if (manifest.media) {
    if (fs.existsSync(mediaDir)) fs.renameSync(mediaDir, `${mediaDir}.before-restore-${stamp}`)
    fs.cpSync(path.join(backupDir, 'media'), mediaDir, { recursive: true })
  }
  return manifest
}
