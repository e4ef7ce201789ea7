import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import Pagination from '../../site/components/Pagination.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

const render = (props: Record<string, unknown>, url = 'http://localhost/stories') =>
  container.renderToString(Pagination, { props, request: new Request(url) })
const hrefs = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<a href="([^"]*)" rel="(prev|next)">/g)].map(([, href, rel]) => [rel, href.replaceAll('&amp;', '&')]),
  )

describe('Pagination', () => {
  it('renders nothing for a single page', async () => {
    expect(await render({ page: 1, totalPages: 1 })).toBe('')
    expect(await render({ page: 1, totalPages: 0 })).toBe('')
  })

  it('on the first page links only forward', async () => {
    const html = await render({ page: 1, totalPages: 3 })
    expect(html).toContain('<nav class="pagination" aria-label="ページ送り">')
    expect(html).toContain('<span>1 / 3 ページ</span>')
    expect(hrefs(html)).toEqual({ next: '?page=2' })
  })

  it('in the middle links both ways and keeps the filters, dropping empty ones', async () => {
    const html = await render(
      { page: 2, totalPages: 3, params: { town: '大東町', theme: undefined, kind: '' } },
      'http://localhost/stories?town=%E5%A4%A7%E6%9D%B1%E7%94%BA&page=2',
    )
    expect(hrefs(html)).toEqual({ prev: `?town=${encodeURIComponent('大東町')}`, next: `?town=${encodeURIComponent('大東町')}&page=3` })
  })

  it('goes back to the bare path for page 1 without filters, and has no next link on the last page', async () => {
    const html = await render({ page: 3, totalPages: 3 }, 'http://localhost/events?page=3')
    expect(hrefs(html)).toEqual({ prev: '?page=2' })
    const second = await render({ page: 2, totalPages: 2 }, 'http://localhost/events?page=2')
    expect(hrefs(second)).toEqual({ prev: '/events' })
    expect(second).toContain('<span>2 / 2 ページ</span><span></span></nav>')
  })
})
