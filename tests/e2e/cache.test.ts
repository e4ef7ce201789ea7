import { describe, expect, inject, it } from 'vitest'

// The site caches what it reads and rendered pages (site/lib/cache.ts, site/middleware.ts); an edit in the admin
// drops them through cms/hooks/invalidateSite.ts, so residents see it within a second.
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

async function editorToken(): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@esuko.example', password: 'e2e-demo-password' }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

async function patchStory(token: string, id: number, data: Record<string, unknown>) {
  const res = await fetch(`${cmsUrl}/api/stories/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** Polls the page until `check` holds; returns the milliseconds it took (fails after `limitMs`). */
async function within(limitMs: number, path: string, check: (res: Response, html: string) => boolean): Promise<number> {
  const start = Date.now()
  for (;;) {
    const res = await fetch(siteUrl + path, { redirect: 'manual' })
    const html = await res.text()
    if (check(res, html)) return Date.now() - start
    if (Date.now() - start > limitMs) throw new Error(`${path} did not change within ${limitMs} ms (status ${res.status})`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('site cache', () => {
  it('shows an edited title and an unpublished story within a second', async () => {
    const list = await fetch(`${cmsUrl}/api/stories?where[_status][equals]=published&limit=1&depth=0&sort=-publishedAt`)
    const story = ((await list.json()) as { docs: { id: number; slug: string; title: string }[] }).docs[0]
    const path = `/stories/${story.slug}`
    // Warm both caches with the old title.
    for (let i = 0; i < 3; i++) expect(await (await fetch(siteUrl + path)).text()).toContain(story.title)

    const token = await editorToken()
    const title = `${story.title}（更新 ${Date.now()}）`
    await patchStory(token, story.id, { title })
    expect(await within(1_000, path, (res, html) => res.status === 200 && html.includes(title))).toBeLessThanOrEqual(1_000)

    await patchStory(token, story.id, { _status: 'draft' })
    expect(await within(1_000, path, (res) => res.status === 404)).toBeLessThanOrEqual(1_000)

    // Back as it was, for the other browser tests.
    await patchStory(token, story.id, { title: story.title, _status: 'published' })
    await within(1_000, path, (res, html) => res.status === 200 && html.includes(story.title) && !html.includes(title))
  })

  it('answers revalidation with 304 and compresses pages', async () => {
    const first = await fetch(`${siteUrl}/`, { headers: { 'accept-encoding': 'br' } })
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(first.headers.get('content-encoding')).toBe('br')
    expect(first.headers.get('cache-control')).toMatch(/max-age=0, must-revalidate/)
    expect(first.headers.get('content-security-policy')).toBeTruthy()
    const again = await fetch(`${siteUrl}/`, { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
  })

  it('refuses an unsigned invalidation', async () => {
    const res = await fetch(`${siteUrl}/_internal/invalidate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"tags":["*"]}' })
    expect(res.status).toBe(403)
  })
})
