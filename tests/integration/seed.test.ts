import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ORGANISATION_KIND_OPTIONS } from '../../cms/domain/options'
import { ROLES } from '../../cms/domain/roles'
import { seedDemo } from '../../cms/seed'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

// Payload's own collections (jobs, preferences, locks, migrations), the audit log and the KPI tallies (derived
// counts) are not demo content.
const contentCollections = (): CollectionSlug[] =>
  payload.config.collections
    .map((c) => c.slug as CollectionSlug)
    .filter((slug) => !slug.startsWith('payload-') && slug !== 'audit-log' && slug !== 'kpi-tallies')

const countAll = async (): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  for (const collection of contentCollections()) counts[collection] = (await payload.count({ collection })).totalDocs
  return counts
}

let first: Record<string, number>

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemo(payload, { adminPassword: 'seed-test-password-123' })
  first = await countAll()
})
afterAll(async () => {
  // The uploads live in the shared test data folder, not in this file's database: remove them with it.
  await payload?.delete({ collection: 'media', where: { id: { exists: true } } })
  await shutdownPayload(payload)
})

describe('demo seed', () => {
  it('puts documents in every collection except the audit log', () => {
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(14)
    for (const [collection, count] of Object.entries(first)) expect(count, collection).toBeGreaterThan(0)
  })

  it('covers every organisation kind and the demo roles', async () => {
    const { docs } = await payload.find({ collection: 'organisations', pagination: false, depth: 0 })
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(ORGANISATION_KIND_OPTIONS.map((k) => k.value)))
    const users = await payload.find({ collection: 'users', pagination: false, depth: 0 })
    expect(new Set(users.docs.flatMap((u) => u.roles ?? []))).toEqual(new Set(ROLES))
    const manager = users.docs.find((u) => u.roles?.includes('organisation'))
    expect(manager?.organisations?.length).toBe(1)
  })

  it('fills both globals', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    expect(settings.navigation?.map((n) => n.href)).toEqual(['/stories', '/plans', '/events', '/organisations', '/about'])
    const kpi = await payload.findGlobal({ slug: 'kpi-targets' })
    // Only the contract's 令和7年度 targets: later years stay 未設定 until the city sets them.
    expect(kpi.years?.map((y) => y.fiscalYear)).toEqual([2025])
  })

  it('re-seeding replaces the demo content instead of duplicating it', async () => {
    await seedDemo(payload, { adminPassword: 'seed-test-password-123' })
    expect(await countAll()).toEqual(first)
  })
})
