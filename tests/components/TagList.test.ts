import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import TagList from '../../site/components/TagList.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

describe('TagList', () => {
  it('lists the town first, then the themes by their Japanese labels', async () => {
    const html = await container.renderToString(TagList, { props: { town: '大東町', themes: ['elderly', 'food'] } })
    expect(html).toBe(
      '<ul class="tags" aria-label="分類"><li><ruby>大東<rp>（</rp><rt>だいとう</rt><rp>）</rp></ruby>町</li><li>高齢者の見守り・支え合い</li><li>食・農</li></ul>',
    )
  })

  it('shows an unknown theme as it is, and works without a town', async () => {
    const html = await container.renderToString(TagList, { props: { town: null, themes: ['learning', 'no-such-theme'] } })
    expect(html).toMatch(/^<ul class="tags" aria-label="分類"><li>[^<]+<\/li><li>no-such-theme<\/li><\/ul>$/)
    expect(html).not.toContain('<li>learning</li>')
  })

  it('escapes an unknown theme', async () => {
    const html = await container.renderToString(TagList, { props: { themes: ['<b>x</b>'] } })
    expect(html).toContain('<li>&lt;b&gt;x&lt;/b&gt;</li>')
  })

  it('renders nothing when there is nothing to tag', async () => {
    expect(await container.renderToString(TagList, { props: {} })).toBe('')
    expect(await container.renderToString(TagList, { props: { town: '', themes: [] } })).toBe('')
  })
})
