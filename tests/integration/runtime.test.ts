import { afterEach, describe, expect, it } from 'vitest'

import { databaseKind, sqliteUrl } from '../../cms/db/adapter'
import { MissingSecretError, resolveSecret } from '../../cms/runtime/secret'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('database choice', () => {
  it.each([
    [undefined, 'sqlite'],
    ['file:/tmp/x.db', 'sqlite'],
    ['mongodb://127.0.0.1:27017/esuko', 'mongodb'],
    ['mongodb+srv://cluster0.example.net/esuko', 'mongodb'],
  ] as const)('%s → %s', (uri, kind) => {
    delete process.env.DATABASE_URI
    expect(databaseKind(uri)).toBe(kind)
  })

  it('puts the embedded database under the data folder', () => {
    process.env.ESUKO_DATA_DIR = '/srv/esuko/data'
    delete process.env.DATABASE_URI
    expect(sqliteUrl()).toBe('file:/srv/esuko/data/esuko.db')
  })

  it('refuses a URI it does not understand, in Japanese', () => {
    expect(() => sqliteUrl('postgres://db/esuko')).toThrow(/DATABASE_URI/)
  })
})

describe('secret', () => {
  it('refuses to run in production without PAYLOAD_SECRET', () => {
    process.env.NODE_ENV = 'production'
    delete process.env.PAYLOAD_SECRET
    expect(() => resolveSecret()).toThrow(MissingSecretError)
  })

  it('keeps one generated secret in development', () => {
    process.env.NODE_ENV = 'development'
    delete process.env.PAYLOAD_SECRET
    const first = resolveSecret()
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(resolveSecret()).toBe(first)
  })
})
