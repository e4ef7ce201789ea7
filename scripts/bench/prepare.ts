// Bench step 1 (run with `payload run`): migrations, then the demo content (accounts, settings, featured
// stories) through the Local API, so the bulk rows the SQLite-only dataset module adds sit next to real ones.
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureSchema } from '../../cms/db/ensureSchema'
import { isEmptyDatabase, seedDemo } from '../../cms/seed'

const payload = await getPayload({ config })
if (payload.db.name !== 'sqlite') throw new Error('the bench dataset is SQLite-only (leave DATABASE_URI empty)')
await ensureSchema(payload)
if (await isEmptyDatabase(payload)) await seedDemo(payload, { adminPassword: process.env.SEED_ADMIN_PASSWORD })
process.exit(0)
