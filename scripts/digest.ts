// npm run db:digest: one line of JSON with every collection's count and a hash of its documents,
// so two databases (e.g. live and restored backup) can be compared exactly.
import { createHash } from 'node:crypto'

import config from '@payload-config'
import { getPayload } from 'payload'

const payload = await getPayload({ config })
const digest: Record<string, { count: number; sha256: string }> = {}
for (const slug of Object.keys(payload.collections).sort()) {
  const { docs } = await payload.find({
    collection: slug as never,
    depth: 0,
    pagination: false,
    sort: 'id',
    overrideAccess: true,
    draft: true,
  })
  digest[slug] = { count: docs.length, sha256: createHash('sha256').update(JSON.stringify(docs)).digest('hex') }
}
console.log(`DIGEST ${JSON.stringify(digest)}`)
process.exit(0)
