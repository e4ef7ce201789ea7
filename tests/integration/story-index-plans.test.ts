// Every story page reads its town's newest stories (site/lib/stories.ts findRelatedStories). With only the town's own
// index, SQLite read a seventh of all stories and sorted them for each list: 30–40 ms of synchronous work at 100,000
// stories, holding every reader of the site process. The stories' compound index (town, publishedAt) gives the list
// in index order. This checks the plan of the very statement the site runs (SQLite only: MongoDB plans differently).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TOWNS } from '../../cms/domain/options'
import { clearCache } from '../../site/lib/cache'
import { findRelatedStories } from '../../site/lib/stories'
import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

type Statement = { sql: string; args: unknown[] }
type Client = { execute: (statement: Statement | string, args?: unknown[]) => Promise<{ rows: unknown[] }> }

let payload: Payload
const onSqlite = !process.env.ESUKO_TEST_MONGO_URI

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(async () => {
  await shutdownPayload(payload)
})

describe.skipIf(!onSqlite)("the related stories of a town, read in the stories' index order", () => {
  it('reads the newest stories of a town through the town and publishedAt index, with no sort of its own', async () => {
    const town = TOWNS[0]
    for (let n = 0; n < 6; n++)
      await payload.create({ collection: 'stories', data: storyData({ title: `町の話${n}`, town, _status: 'published' } as never) })

    const client = (payload.db as unknown as { client: Client }).client
    const execute = client.execute.bind(client)
    const seen: Statement[] = []
    client.execute = (statement, args) => {
      if (typeof statement === 'object') seen.push(statement)
      return execute(statement, args)
    }
    try {
      clearCache()
      const related = await findRelatedStories({ id: -1, themes: [], town })
      expect(related).toHaveLength(3)
    } finally {
      client.execute = execute
    }

    const list = seen.filter((s) => /from "stories"/i.test(s.sql) && /order by/i.test(s.sql) && /"town"/.test(s.sql))
    expect(list).toHaveLength(1)
    // Top-level steps only (parent 0): the themes' subquery sorts each story's few themes, which is fine. Payload adds
    // createdAt as a tie-break, so only stories published at the same instant are sorted ("RIGHT PART").
    const plan = (await execute({ sql: `EXPLAIN QUERY PLAN ${list[0].sql}`, args: list[0].args })).rows as unknown as {
      parent: number
      detail: string
    }[]
    const top = plan.filter((r) => Number(r.parent) === 0).map((r) => r.detail)
    expect(top).toContain('SEARCH stories USING INDEX town_publishedAt_idx (town=?)')
    expect(top).not.toContain('USE TEMP B-TREE FOR ORDER BY')
  })
})
