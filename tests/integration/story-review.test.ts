import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storyData } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
})
afterAll(() => shutdownPayload(payload))

const asEditor = { user: undefined as never, overrideAccess: false }
const draftStory = (reviewStatus: 'received' | 'reviewing' | 'declined') =>
  payload.create({
    collection: 'stories',
    data: storyData({ title: `確認状況: ${reviewStatus}`, reviewStatus, _status: 'draft' }),
    draft: true,
    ...asEditor,
    user: editor,
  })

describe('review status and publishing', () => {
  it('a declined story cannot be published, in Japanese, and stays a draft', async () => {
    const story = await draftStory('declined')
    await expect(
      payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' }, ...asEditor, user: editor }),
    ).rejects.toThrow('見送り')
    const stored = await payload.findByID({ collection: 'stories', id: story.id, draft: true })
    expect([stored._status, stored.reviewStatus]).toEqual(['draft', 'declined'])
    await expect(payload.findByID({ collection: 'stories', id: story.id, overrideAccess: false })).rejects.toThrow()
  })

  it('cannot be declined and published in the same save', async () => {
    const story = await draftStory('reviewing')
    await expect(
      payload.update({
        collection: 'stories',
        id: story.id,
        data: { _status: 'published', reviewStatus: 'declined' },
        ...asEditor,
        user: editor,
      }),
    ).rejects.toThrow('見送り')
  })

  it('cannot be created declined and published', async () => {
    await expect(
      payload.create({
        collection: 'stories',
        data: storyData({ title: '見送りで公開', reviewStatus: 'declined', _status: 'published' }),
        ...asEditor,
        user: editor,
      }),
    ).rejects.toThrow('見送り')
  })

  it.each(['received', 'reviewing'] as const)('publishing a %s story marks it 公開', async (reviewStatus) => {
    const story = await draftStory(reviewStatus)
    const published = await payload.update({
      collection: 'stories',
      id: story.id,
      data: { _status: 'published' },
      ...asEditor,
      user: editor,
    })
    expect(published.reviewStatus).toBe('published')
  })

  it('a declined story can be published once its review status is changed back', async () => {
    const story = await draftStory('declined')
    const published = await payload.update({
      collection: 'stories',
      id: story.id,
      data: { _status: 'published', reviewStatus: 'reviewing' },
      ...asEditor,
      user: editor,
    })
    expect([published._status, published.reviewStatus]).toEqual(['published', 'published'])
  })
})
