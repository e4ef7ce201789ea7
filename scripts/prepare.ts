// Runs before the servers start (npm run dev / npm start): schema, first-run seed, demo login.
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureSchema } from '../cms/db/ensureSchema'
import { demoPassword, isDevelopment, printDemoLogin } from '../cms/seed/demoLogin'
import { isEmptyDatabase, seedDemo } from '../cms/seed'

const payload = await getPayload({ config })
await ensureSchema(payload)

const seedOnEmpty = isDevelopment() || process.env.ESUKO_SEED_DEMO === '1'
if (seedOnEmpty && (await isEmptyDatabase(payload))) {
  const result = await seedDemo(payload, { adminPassword: demoPassword() })
  payload.logger.info(`初回起動: デモデータを登録しました（ストーリー ${result.stories} 件、アカウント ${result.users.length} 件）`)
}
printDemoLogin(demoPassword(), `${process.env.CMS_PUBLIC_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`}/admin`)
process.exit(0)
