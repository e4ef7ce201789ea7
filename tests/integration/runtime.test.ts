import { afterEach, describe, expect, it, vi } from 'vitest'

import { databaseKind, sqliteUrl } from '../../cms/db/adapter'
import { fiscalYearOf, fiscalYearRange, reiwaLabel } from '../../cms/domain/fiscalYear'
import { MissingSecretError, resolveSecret } from '../../cms/runtime/secret'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('database choice', () => {
  it.each([
    ['', 'sqlite'],
    ['file:/tmp/x.db', 'sqlite'],
    ['mongodb://127.0.0.1:27017/esuko', 'mongodb'],
    ['mongodb+srv://cluster0.example.net/esuko', 'mongodb'],
  ] as const)('%s → %s', (uri, kind) => {
    expect(databaseKind(uri)).toBe(kind)
  })

  it('puts the embedded database under the data folder', () => {
    vi.stubEnv('ESUKO_DATA_DIR', '/srv/esuko/data')
    vi.stubEnv('DATABASE_URI', '')
    expect(sqliteUrl()).toBe('file:/srv/esuko/data/esuko.db')
  })

  it('refuses a URI it does not understand, in Japanese', () => {
    expect(() => sqliteUrl('postgres://db/esuko')).toThrow(/DATABASE_URI/)
  })
})

describe('secret', () => {
  it('refuses to run in production without PAYLOAD_SECRET', () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PAYLOAD_SECRET', '')
    expect(() => resolveSecret()).toThrow(MissingSecretError)
  })

  it('keeps one generated secret in development', () => {
    vi.stubEnv('NODE_ENV', 'development')
    vi.stubEnv('PAYLOAD_SECRET', '')
    const first = resolveSecret()
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(resolveSecret()).toBe(first)
  })
})

describe('fiscal year (April–March, Japan time)', () => {
  it.each([
    ['2026-03-31T14:59:59Z', 2025], // 23:59:59 JST on 31 March
    ['2026-03-31T15:00:00Z', 2026], // 00:00 JST on 1 April
    ['2025-04-01T00:00:00+09:00', 2025],
    ['2025-03-31T23:59:59+09:00', 2024],
    ['2026-01-15T12:00:00+09:00', 2025],
  ])('%s → FY%s', (iso, fy) => {
    expect(fiscalYearOf(new Date(iso))).toBe(fy)
  })

  it('gives FY2025 as [2025-04-01, 2026-04-01) JST and names it 令和7年度', () => {
    const { start, end } = fiscalYearRange(2025)
    expect(start.toISOString()).toBe('2025-03-31T15:00:00.000Z')
    expect(end.toISOString()).toBe('2026-03-31T15:00:00.000Z')
    expect(reiwaLabel(2025)).toBe('令和7年度')
  })
})
