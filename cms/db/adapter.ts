import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import { dataDir } from '../runtime/paths'

export type DatabaseKind = 'mongodb' | 'sqlite'

export const isMongoUri = (uri: string | undefined): uri is string => /^mongodb(\+srv)?:\/\//.test(uri ?? '')

export const databaseKind = (uri = process.env.DATABASE_URI): DatabaseKind => (isMongoUri(uri) ? 'mongodb' : 'sqlite')

/** `file:` URI of the embedded database: DATABASE_URI may name one (tests do), else data/esuko.db. */
export function sqliteUrl(uri = process.env.DATABASE_URI): string {
  if (uri?.startsWith('file:')) return uri
  if (uri)
    throw new Error(`DATABASE_URI は mongodb://…, mongodb+srv://… または file:… で指定してください（受け取った値: ${uri.split(':')[0]}:…）`)
  return `file:${path.join(dataDir(), 'esuko.db')}`
}

/**
 * MongoDB when DATABASE_URI says so (transactions are enabled by the adapter when the URI names a
 * replica set), otherwise the embedded SQLite file. SQLite never pushes its schema: the committed
 * migrations in cms/migrations are the one source of truth in development and production alike.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  // ensureIndexes: unique slugs must hold from the first write, not once mongoose gets round to it.
  if (isMongoUri(uri)) return mongooseAdapter({ url: uri, ensureIndexes: true })
  const url = sqliteUrl(uri)
  // SQLite creates the file but not its folder; a fresh machine has no data/ yet.
  if (!url.startsWith('file::memory:'))
    fs.mkdirSync(path.dirname(url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)), { recursive: true })
  return sqliteAdapter({
    client: { url },
    push: false,
    migrationDir: path.resolve(process.cwd(), 'cms/migrations'),
    // A production process brings the schema up to date on connect, unless `npm start` has already done so
    // once for all its processes (scripts/serve.mjs, ESUKO_SCHEMA_READY).
    prodMigrations: process.env.ESUKO_SCHEMA_READY === '1' ? undefined : migrations,
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'FULL' },
    busyTimeout: 10_000,
  })
}
