// npm run restore -- <backup folder>: stop the servers first. Plain file work: no Payload, no open database.
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const dir = process.argv[2]
if (!dir) {
  console.error('使い方: npm run restore -- backups/esuko-YYYYMMDD-HHMMSS （先にサーバーを停止してください）')
  process.exit(2)
}
if ((process.env.DATABASE_URI ?? '').startsWith('mongodb')) {
  console.error('MongoDB の復元は mongorestore を使ってください（README「Backups」参照）。')
  process.exit(2)
}
// The restore logic is TypeScript shared with the tests; run it through Payload's TS-aware runner.
const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/restore-run.ts', path.resolve(dir)], { stdio: 'inherit' })
process.exit(result.status ?? 1)
