// The public forms without JavaScript: plain HTML POSTs to Astro Actions, answered by redirect or re-render.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STORIES } from '../../cms/seed/content'
import { launchBrowser } from '../helpers/browser'
import { adminLogin, createAsEditor, findDocs, noJsContext, openForm, submitForm, unique } from '../helpers/site'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')
// A published story no other test file cheers for.
const story = STORIES.filter((s) => s.status === 'published').at(-1)!

let browser: Browser
let noJs: BrowserContext
beforeAll(async () => {
  browser = await launchBrowser()
  noJs = await noJsContext(browser)
})
afterAll(() => browser?.close())

describe('cheering without JavaScript', () => {
  it('counts one cheer, then refuses a second one for the same story the same day', async () => {
    const page = await noJs.newPage()
    const url = `${siteUrl}/stories/${story.slug}`
    expect((await openForm(page, url)).status()).toBe(200)
    const count = page.locator('.cheer [data-cheer-count]')
    const before = Number(await count.innerText())
    expect(Number.isInteger(before)).toBe(true)
    const button = page.locator('.cheer').getByRole('button', { name: '👏 拍手する' })

    const first = await submitForm(page, button)
    expect(first.postStatus).toBe(303)
    expect(first.response.status()).toBe(200)
    expect(page.url()).toBe(`${url}?cheered=1#cheer-heading`)
    expect(await page.locator('.cheer [role="status"]').innerText()).toBe('拍手を送りました。ありがとうございます。')
    expect(Number(await count.innerText())).toBe(before + 1)

    const second = await submitForm(page, button)
    expect(second.postStatus).toBe(409)
    expect(await page.locator('.cheer [role="alert"]').innerText()).toBe('拍手は同じ相手に1日1回までです。また明日お願いします。')
    expect(await page.locator('.cheer [role="status"]').count()).toBe(0)
    expect(Number(await count.innerText())).toBe(before + 1)

    // A fresh look at the page agrees: one cheer was stored, not two.
    await page.goto(url)
    expect(Number(await count.innerText())).toBe(before + 1)
    await page.close()
  })
})

describe('cheering what the public cannot see', () => {
  // The checks of cheers arriving together share one query per collection (site/lib/cheers.ts): each still gets
  // its own answer.
  const cheerPage = `/stories/${STORIES.filter((s) => s.status === 'published').at(-3)!.slug}`
  const draft = STORIES.find((s) => s.status === 'draft')!

  it('refuses a draft and a made-up id in Japanese, storing nothing, while a cheer sent with them is stored', async () => {
    const [{ docs: drafts }, html] = await Promise.all([
      findDocs<{ id: number }>(cmsUrl, 'stories', `where[slug][equals]=${encodeURIComponent(draft.slug)}&draft=true`, 'editor'),
      fetch(siteUrl + cheerPage).then((r) => r.text()),
    ])
    const visible = /name="target" value="([^"]+)"/.exec(html)![1]
    const token = /name="_t" value="([^"]+)"/.exec(html)![1]
    await new Promise((r) => setTimeout(r, 3_100))
    const cheer = (target: string) =>
      fetch(`${siteUrl}${cheerPage}?_action=cheer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl },
        body: new URLSearchParams({ targetType: 'stories', target, _t: token, website: '' }).toString(),
      })
    const [hidden, madeUp, shown] = await Promise.all([cheer(String(drafts[0].id)), cheer('987654321'), cheer(visible)])
    for (const refused of [hidden, madeUp]) {
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('拍手の相手が見つかりません。ページを開き直してから、もう一度お試しください。')
    }
    expect(shown.status).toBe(303)
    const cheers = (id: number | string) => findDocs(cmsUrl, 'cheers', `where[story][equals]=${id}&limit=0`, 'editor')
    expect((await cheers(drafts[0].id)).totalDocs).toBe(0)
    expect((await cheers(visible)).totalDocs).toBeGreaterThanOrEqual(1)
  })
})

describe('forms posted from another site', () => {
  // Astro's origin check (security.checkOrigin) must refuse a cross-site POST before the action stores anything.
  const cheerPage = `/stories/${STORIES.filter((s) => s.status === 'published').at(-2)!.slug}`
  const cheerCount = async () => Number(/data-cheer-count>(\d+)</.exec(await (await fetch(siteUrl + cheerPage)).text())?.[1])

  it.each([
    ['cheer', cheerPage, 'cheer', (html: string) => ({ targetType: 'stories', target: /name="target" value="([^"]+)"/.exec(html)![1] })],
    ['survey answer', '/survey', 'answerSurvey', () => ({ answer: '5', town: '木次町', ageBand: '40s' })],
  ] as const)('refuses a %s with 403', async (_, path, action, fields) => {
    const html = await (await fetch(siteUrl + path)).text()
    const token = /name="_t" value="([^"]+)"/.exec(html)![1]
    await new Promise((r) => setTimeout(r, 3_100))
    const before = await cheerCount()
    const res = await fetch(`${siteUrl}${path}?_action=${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ ...fields(html), _t: token, website: '' }).toString(),
    })
    expect(res.status).toBe(403)
    expect(await cheerCount()).toBe(before)
  })
})

describe('submitting a plan without JavaScript', () => {
  const title = unique('えすこ試験プラン')
  const description = '週に一度、近所の子どもたちと畑仕事をしてみたいです。\n道具の貸し出しを手伝ってくれる方を探しています。'

  it('keeps the input and explains each mistake in Japanese next to its field, storing nothing', async () => {
    const page = await noJs.newPage()
    await openForm(page, `${siteUrl}/plans/new`)
    // No kind, no town, a malformed e-mail address and no consent.
    await page.fill('#title', title)
    await page.fill('#description', description)
    await page.fill('#nickname', 'はたけ好き')
    await page.fill('#email', 'hatake-at-example')
    const { postStatus, response } = await submitForm(page, page.getByRole('button', { name: 'この内容で投稿する' }))
    expect(postStatus).toBe(400)
    expect(response.url()).toContain('/plans/new')

    // The resident's own words come back.
    expect(await page.inputValue('#title')).toBe(title)
    expect(await page.inputValue('#description')).toBe(description)
    expect(await page.inputValue('#nickname')).toBe('はたけ好き')
    expect(await page.inputValue('#email')).toBe('hatake-at-example')

    // Each message sits in its field's own group and is tied to the control.
    const messages = {
      kind: 'プランの種類を選んでください。',
      town: 'お住まいの町を選んでください。',
      email: 'メールアドレスの形式が正しくありません（例: taro@example.jp）。',
      consent: '内容をご確認のうえ、同意のチェックを入れてください。',
    }
    expect(await page.locator('#kind > .field-error').innerText()).toBe(messages.kind)
    for (const name of ['town', 'email'] as const) {
      const field = page.locator('.field', { has: page.locator(`#${name}`) })
      expect(await field.locator('.field-error').innerText()).toBe(messages[name])
      expect(await page.getAttribute(`#${name}`, 'aria-invalid')).toBe('true')
      expect(await page.getAttribute(`#${name}`, 'aria-describedby')).toContain(`${name}-error`)
    }
    expect(
      await page
        .locator('.field', { has: page.locator('#consent') })
        .locator('.field-error')
        .innerText(),
    ).toBe(messages.consent)
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBeNull()

    // The summary at the top links to every field with a problem.
    const summary = page.locator('#form-errors[role="alert"]')
    expect(await summary.locator('strong').innerText()).toBe('入力内容に確認が必要な項目があります。')
    expect(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort())).toEqual([
      '#consent',
      '#email',
      '#kind',
      '#town',
    ])

    const stored = await findDocs(cmsUrl, 'plans', `where[title][equals]=${encodeURIComponent(title)}`, 'editor')
    expect(stored.totalDocs).toBe(0)

    // Corrected on the same page, it goes through: the thank-you page.
    await page.check('input[name="kind"][value="want_to_try"]')
    await page.selectOption('#town', '三刀屋町')
    await page.fill('#email', 'hatake@example.jp')
    await page.check('#consent')
    const sent = await submitForm(page, page.getByRole('button', { name: 'この内容で投稿する' }))
    expect(sent.postStatus).toBe(303)
    expect(sent.response.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/thanks/plan')
    expect(await page.locator('main h1').innerText()).toBe('プランを受け付けました')
    await page.close()

    const saved = await findDocs<{ id: number; status: string; kind: string; town: string; proposerNickname: string }>(
      cmsUrl,
      'plans',
      `where[title][equals]=${encodeURIComponent(title)}`,
      'editor',
    )
    expect(saved.totalDocs).toBe(1)
    expect(saved.docs[0]).toMatchObject({ status: 'received', kind: 'want_to_try', town: '三刀屋町', proposerNickname: 'はたけ好き' })
    // Not public before an editor has looked at it.
    expect((await findDocs(cmsUrl, 'plans', `where[title][equals]=${encodeURIComponent(title)}`)).totalDocs).toBe(0)
  })

  it('shows the new plan to the editor in the admin as 受付', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await adminLogin(page, cmsUrl)
    await page.goto(`${cmsUrl}/admin/collections/plans?search=${encodeURIComponent(title)}`)
    const row = page.locator('table tbody tr', { hasText: title })
    await row.waitFor({ timeout: 60_000 })
    expect(await row.count()).toBe(1)
    expect((await row.locator('.cell-status').innerText()).trim()).toBe('受付')
    await context.close()
  })
})

describe('offering support for a plan without JavaScript', () => {
  it('sends the offer for the plan on the page and thanks the resident', async () => {
    const plan = await createAsEditor<{ id: number; title: string }>(cmsUrl, 'plans', {
      kind: 'challenge',
      title: `応援募集中の試験プラン ${unique('p')}`,
      description: '集会所で月に一度、そば打ち教室をひらきたい。',
      town: '掛合町',
      status: 'published',
    })
    const page = await noJs.newPage()
    await openForm(page, `${siteUrl}/plans/${plan.id}`)
    expect(await page.locator('main h1').innerText()).toBe(plan.title)
    await page.check('input[name="kind"][value="help"]')
    await page.fill('#nickname', 'そば好き')
    await page.fill('#phone', '0854-00-1234')
    await page.check('#consent')
    const { postStatus } = await submitForm(page, page.getByRole('button', { name: '申し出る' }))
    expect(postStatus).toBe(303)
    expect(new URL(page.url()).pathname).toBe('/thanks/support')
    expect(await page.locator('main h1').innerText()).toBe('応援の申し出を受け付けました')
    await page.close()

    const offers = await findDocs<{ nickname: string; kind: string; plan: number | { id: number } }>(
      cmsUrl,
      'support-offers',
      `where[plan][equals]=${plan.id}&depth=0`,
      'editor',
    )
    expect(offers.docs).toMatchObject([{ nickname: 'そば好き', kind: 'help', plan: plan.id }])
  })
})
