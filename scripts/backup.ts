// npm run backup [-- <folder>]: an online snapshot of the embedded database and media (servers may keep running).
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { backupSqlite } from '../cms/db/sqliteBackup'
import { projectRoot } from '../cms/runtime/paths'

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-')
const target = path.resolve(process.env.ESUKO_BACKUP_DIR ?? path.join(projectRoot(), 'backups', `esuko-${stamp}`))
const payload = await getPayload({ config })
try {
  const manifest = await backupSqlite(payload, target)
  const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
  console.log(`バックアップを作成しました: ${target}（${Object.keys(manifest.counts).length} コレクション、${total} 件）`)
  process.exit(0)
} catch (error) {
  console.error(`バックアップに失敗しました: ${(error as Error).message}`)
  process.exit(1)
}
