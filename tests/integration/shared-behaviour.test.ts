import type { CollectionConfig, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { auditChange, auditDelete } from '../../cms/hooks/audit'
import { invalidateSiteOnChange, invalidateSiteOnDelete } from '../../cms/hooks/invalidateSite'
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
  it('appends audit, participant counting, site invalidation and tally marking to a plan, in that order', () => {
    const { afterChange, afterDelete } = hooksOf('plans')
    const tail = afterChange.slice(-4)
    expect(tail[0]).toBe(auditChange)
    expect(tail[1]).not.toBe(auditChange) // the participant counter, built for the plan's contact group
    expect(tail.slice(2)).toEqual([invalidateSiteOnChange, markTalliesAfterChange])
    expect(afterDelete.slice(-3)).toEqual([auditDelete, invalidateSiteOnDelete, markTalliesAfterDelete])
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
