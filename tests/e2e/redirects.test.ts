// Issue 15 point 3 over HTTP: an old address answers 301 to the new slug; once the page is withdrawn, every
// address it had answers 410 with the Japanese page (site layout, link to the list), without its title.
import { describe, expect, inject, it } from 'vitest'

import { createAsEditor, editorToken, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

async function patchAsEditor(collection: string, id: number, data: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${cmsUrl}/api/${collection}/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${await editorToken(cmsUrl)}` },
    body: JSON.stringify(data),
  })
  expect(res.status, await res.text()).toBe(200)
}

/** GET without following redirects, retried until the status is the expected one (the edit reaches the site). */
async function answer(path: string, status: number): Promise<Response> {
  let res!: Response
  for (let tries = 0; tries < 50; tries++) {
    res = await fetch(`${siteUrl}${path}`, { redirect: 'manual' })
    if (res.status === status) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return res
}

describe('old addresses', () => {
  it('answer 301 to a changed slug, then 410 in Japanese once the story is unpublished', async () => {
    const title = `引っ越すストーリー ${unique('t')}`
    const oldSlug = unique('moving')
    const newSlug = unique('moved')
    const story = await createAsEditor<{ id: number }>(cmsUrl, 'stories', {
      title,
      slug: oldSlug,
      origin: 'editorial',
      _status: 'published',
    })
    expect((await answer(`/stories/${oldSlug}`, 200)).status).toBe(200)

    await patchAsEditor('stories', story.id, { slug: newSlug })
    const moved = await answer(`/stories/${oldSlug}?utm_source=line`, 301)
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe(`/stories/${newSlug}?utm_source=line`)
    expect((await answer(`/stories/${newSlug}`, 200)).status).toBe(200)

    await patchAsEditor('stories', story.id, { _status: 'draft' })
    for (const slug of [oldSlug, newSlug]) {
      const gone = await answer(`/stories/${slug}`, 410)
      expect(gone.status).toBe(410)
      expect(gone.headers.get('content-type')).toContain('text/html')
      const html = await gone.text()
      expect(html).toContain('このページは公開を終了しました')
      expect(html).toContain('href="/stories"')
      expect(html).toContain('noindex')
      expect(html).not.toContain(title)
    }
    // An address that never existed stays a 404.
    expect((await fetch(`${siteUrl}/stories/${unique('never')}`, { redirect: 'manual' })).status).toBe(404)
  })
})
