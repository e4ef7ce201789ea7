import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import JaText from '../../site/components/JaText.astro'
import CitizenCard from '../../site/components/CitizenCard.astro'
import StoryCard from '../../site/components/StoryCard.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

const ruby = (base: string, reading: string) => `<ruby>${base}<rp>（</rp><rt>${reading}</rt><rp>）</rp></ruby>`

describe('JaText', () => {
  it.each([
    { props: { text: '掛合町の秋' }, html: `${ruby('掛合', 'かけや')}町の秋` },
    { props: { text: '<i>日登</i>' }, html: `&lt;i&gt;${ruby('日登', 'ひのぼり')}&lt;/i&gt;` },
    {
      props: { text: '民谷の竹細工さん', reading: 'たみだにのたけざいくさん' },
      html: ruby('民谷の竹細工さん', 'たみだにのたけざいくさん'),
    },
    { props: { text: '加茂の秋まつり', phrases: true }, html: `<span class="phrases">${ruby('加茂', 'かも')}の<wbr>秋まつり</span>` },
    { props: { text: null }, html: '' },
  ])('$props.text', async ({ props, html }) => {
    expect(await container.renderToString(JaText, { props })).toBe(html)
  })
})

describe('cards', () => {
  it('a citizen card puts the given reading over the name and readings over the town and district', async () => {
    const html = await container.renderToString(CitizenCard, {
      props: {
        citizen: {
          id: 1,
          slug: 'hata-soba',
          displayName: '波多のそば打ち名人',
          displayNameReading: 'はたのそばうちめいじん',
          town: '掛合町',
          district: '波多',
          intro: '寺領から<来ました>',
          themes: [],
          photo: null,
        },
      },
    })
    expect(html).toContain(
      `<a href="/citizens/hata-soba"><span class="phrases">${ruby('波多のそば打ち名人', 'はたのそばうちめいじん')}</span></a>`,
    )
    expect(html).toContain(`${ruby('掛合', 'かけや')}町`)
    expect(html).toContain(`・${ruby('波多', 'はた')}`)
    expect(html).toContain(`<p>${ruby('寺領', 'じりょう')}から&lt;来ました&gt;</p>`)
  })

  it('a citizen without a reading gets place readings inside the name', async () => {
    const html = await container.renderToString(CitizenCard, {
      props: { citizen: { id: 2, slug: 's', displayName: '海潮の将棋おじさん', town: '大東町', themes: [] } },
    })
    expect(html).toContain(`<span class="phrases">${ruby('海潮', 'うしお')}の<wbr>`)
  })

  it('a story card breaks its title at phrases, the link untouched', async () => {
    const html = await container.renderToString(StoryCard, {
      props: {
        story: {
          id: 3,
          slug: 'kisuki-sakura-souji',
          title: '斐伊川の桜並木を、朝そうじで守る',
          lead: '木次町の斐伊川堤防。',
          town: '木次町',
          themes: ['nature'],
          publishedAt: null,
          heroImage: null,
        },
      },
    })
    expect(html).toContain(
      `<a href="/stories/kisuki-sakura-souji"><span class="phrases">${ruby('斐伊川', 'ひいかわ')}の<wbr>桜並木を、<wbr>朝そうじで<wbr>守る</span></a>`,
    )
    expect(html).toContain(`<p>${ruby('木次', 'きすき')}町の${ruby('斐伊川', 'ひいかわ')}堤防。</p>`)
  })
})
