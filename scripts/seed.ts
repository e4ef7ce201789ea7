// npm run seed: replaces the demo content (and demo accounts, when a password is known).
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureSchema } from '../cms/db/ensureSchema'
import { demoPassword, isDevelopment, printDemoLogin } from '../cms/seed/demoLogin'
import { seedDemo } from '../cms/seed'

if (!isDevelopment() && process.env.ESUKO_SEED_FORCE !== '1') {
  console.error('本番環境ではデモデータを投入しません。投入する場合は ESUKO_SEED_FORCE=1 を付けて実行してください。')
  process.exit(1)
}
const payload = await getPayload({ config })
await ensureSchema(payload)
const started = performance.now()
const result = await seedDemo(payload, { adminPassword: demoPassword() })
const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
payload.logger.info(
  `デモデータを登録しました（ストーリー ${result.stories} 件、アカウント ${result.users.length} 件、全 ${total} 件、${seconds} 秒）`,
)
printDemoLogin(demoPassword(), `${process.env.CMS_PUBLIC_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`}/admin`)
process.exit(0)
