// Production build of both servers. The secret is needed only at run time, so a placeholder lets the
// build evaluate payload.config.ts without one; it is never written into the output.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
if (fs.existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'))
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  ESUKO_ROOT: root,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'build-time-placeholder-not-used-at-runtime',
}
const steps = [
  ['payload', ['generate:importmap']],
  ['next', ['build', 'cms']],
  ['astro', ['build']],
]
for (const [command, args] of steps) {
  console.log(`\n▶ ${command} ${args.join(' ')}`)
  const result = spawnSync(path.join(root, 'node_modules', '.bin', command), args, { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`ビルドに失敗しました: ${command} ${args.join(' ')}`)
    process.exit(result.status ?? 1)
  }
}
