import { restoreSqlite } from '../cms/db/sqliteBackup'
import { sqliteUrl } from '../cms/db/adapter'

const dir = process.argv[2]
try {
  const manifest = restoreSqlite(dir, sqliteUrl())
  console.log(`復元しました: ${dir}（${manifest.createdAt} のバックアップ）。サーバーを起動してください。`)
} catch (error) {
  console.error(`復元に失敗しました: ${(error as Error).message}`)
  process.exit(1)
}
