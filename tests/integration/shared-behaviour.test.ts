import type { CollectionConfig, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { auditChange, auditDelete } from '../../cms/hooks/audit'
import { invalidateSiteOnChange, invalidateSiteOnDelete } from '../../cms/hooks/invalidateSite'
import { syncSearchIndexOnChange, syncSearchIndexOnDelete } from '../../cms/hooks/syncSearchIndex'
import { markTalliesAfterChange, markTalliesAfterDelete } from '../../cms/hooks/markKpiTallies'
import { syncPhotoVisibility } from '../../cms/hooks/syncPhotoVisibility'
import { sharedBehaviour } from '../../cms/plugins/sharedBehaviour'

/**
 * The shared hooks (cms/plugins/sharedBehaviour.ts) sit where its comment says, after the collection's own; the
 * behaviour each adds is tested where it matters (audit, participants, kpi-tallies, the e2e cache test).
 */

let config: SanitizedConfig
beforeAll(async () => {
  config = await (await import('@payload-config')).default
})

const hooksOf = (slug: string) => config.collections.find((c) => c.slug === slug)!.hooks

describe('shared behaviour plugin', () => {
  it('appends audit, search index, participant counting, site invalidation and tally marking to a plan, in that order', () => {
    const { afterChange, afterDelete } = hooksOf('plans')
    const tail = afterChange.slice(-5)
    expect(tail.slice(0, 2)).toEqual([auditChange, syncSearchIndexOnChange])
    expect([auditChange, syncSearchIndexOnChange]).not.toContain(tail[2]) // the participant counter, built for the plan's contact group
    expect(tail.slice(3)).toEqual([invalidateSiteOnChange, markTalliesAfterChange])
    expect(afterDelete.slice(-4)).toEqual([auditDelete, syncSearchIndexOnDelete, invalidateSiteOnDelete, markTalliesAfterDelete])
  })

  it('gives only the searched collections the search index hooks', () => {
    expect(hooksOf('stories').afterChange).toContain(syncSearchIndexOnChange)
    for (const slug of ['users', 'cheers', 'support-offers']) expect(hooksOf(slug).afterChange).not.toContain(syncSearchIndexOnChange)
  })

  it('keeps a collection’s own hooks first', () => {
    expect(hooksOf('citizens').afterChange[0]).toBe(syncPhotoVisibility)
  })

  it.each([
    { slug: 'audit-log', absent: [auditChange, invalidateSiteOnChange, markTalliesAfterChange] },
    { slug: 'users', absent: [invalidateSiteOnChange, markTalliesAfterChange] },
    { slug: 'media', absent: [markTalliesAfterChange] },
  ])('leaves out of $slug what does not apply', ({ slug, absent }) => {
    for (const hook of absent) expect(hooksOf(slug).afterChange).not.toContain(hook)
  })

  it('refuses a collection whose shared behaviour is not declared', () => {
    const stray: CollectionConfig = { slug: 'helpers', fields: [] }
    expect(() => sharedBehaviour()({ collections: [stray] } as never)).toThrow(/helpers: declare whether it is audited/)
  })
})
