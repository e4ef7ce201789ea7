// npm run search:reindex — rebuilds the site search index (cms/db/search/) from the documents as the public reads
// them: once after the site_search migration on a database that already has content, or after a restore.
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureSchema } from '../cms/db/ensureSchema'
import { reindexAll } from '../cms/hooks/syncSearchIndex'

const payload = await getPayload({ config })
await ensureSchema(payload)
const started = performance.now()
const count = await reindexAll(payload)
payload.logger.info(`検索索引を作り直しました: ${count} 件 (${Math.round(performance.now() - started)} ms)`)
process.exit(0)
