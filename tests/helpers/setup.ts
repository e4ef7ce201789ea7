// Runs before each integration test file: give the file a database of its own, and a start as fresh as a process
// of its own would give it.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { vi } from 'vitest'

/*
 * The files share one worker (vitest.config.ts, `isolate: false`) so that Payload, drizzle/libsql, mongoose and
 * lexical are imported once per run instead of once per file (about 4 s each). Everything else a file could see
 * from the one before is undone here, before its own modules load:
 * - our own modules (cms/, site/, payload.config.ts, tests/helpers/) are evaluated afresh, so env read at import
 *   time, module-level caches, rate-limit buckets and recount queues start empty and the config is built from
 *   this file's DATABASE_URI and data dir;
 * - process.env goes back to what the run started with (files set SMTP_URL, SITE_PUBLIC_URL, … or stub env);
 * - handles our code registers on globalThis (`Symbol.for('esuko.…')`, e.g. the site cache's invalidation) go;
 * - Payload's own instance cache (`global._payload`, filled by getPayload) is emptied, after destroying whatever a
 *   file left open there, so getPayload() boots this file's Payload instead of handing back the last one.
 */
vi.resetModules()

type Shared = { env: NodeJS.ProcessEnv }
const SHARED = Symbol.for('esuko-test.worker')
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= { env: { ...process.env } }) as Shared
for (const key of Object.keys(process.env)) if (!(key in shared.env)) delete process.env[key]
Object.assign(process.env, shared.env)

for (const key of Object.getOwnPropertySymbols(globalThis))
  if (key.description?.startsWith('esuko.')) delete (globalThis as Record<symbol, unknown>)[key]

type CachedPayload = { payload: Payload | null; promise: Promise<Payload> | null }
const payloadCache = (globalThis as { _payload?: Map<string, CachedPayload> })._payload
if (payloadCache) {
  for (const cached of payloadCache.values()) {
    const payload = cached.payload ?? (await cached.promise?.catch(() => null))
    // Destroying twice is harmless: a file that shut its Payload down already closed the connection.
    await payload?.destroy().catch(() => {})
  }
  payloadCache.clear()
}
// What Payload's own reload() does after a config change: derived client config and schema maps are rebuilt, and
// the GraphQL schema (REST/GraphQL handlers in tests/helpers/api.ts) too. Lexical's default editor config stays
// cached in its module, out of reach; it comes from lexical's defaults, not from anything a file changes.
const payloadGlobals = globalThis as {
  _payload_doNotCacheClientConfig?: boolean
  _payload_doNotCacheSchemaMap?: boolean
  _payload_doNotCacheClientSchemaMap?: boolean
  _payload_graphql?: { graphql: unknown; promise: unknown }
}
payloadGlobals._payload_doNotCacheClientConfig = true
payloadGlobals._payload_doNotCacheSchemaMap = true
payloadGlobals._payload_doNotCacheClientSchemaMap = true
if (payloadGlobals._payload_graphql) Object.assign(payloadGlobals._payload_graphql, { graphql: null, promise: null })

const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
// A folder per test file: its database and uploaded media go away with it (see shutdownPayload).
const tmp = path.resolve('tests/.tmp', id)
fs.mkdirSync(tmp, { recursive: true })

process.env.PAYLOAD_SECRET = 'integration-test-secret'
process.env.ESUKO_DATA_DIR = tmp

const mongoBase = process.env.ESUKO_TEST_MONGO_URI
if (mongoBase) {
  const url = new URL(mongoBase)
  url.pathname = `/esuko_test_${id}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(tmp, 'test.db')}`
}
