// Issue 13 point 2 in the admin itself: 「変更内容を公開」 on a nomination still 受付, or on a story whose people have
// not consented, is refused with the reason in Japanese and leaves the story a draft; recording consent in the
// sidebar, next to the button, lets it through.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { adminLogin, createAsEditor, findDocs, unique } from '../helpers/site'

const cmsUrl = inject('cmsUrl')

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await browser.newContext()).newPage()
  await adminLogin(page, cmsUrl)
})
afterAll(() => browser?.close())

const stored = async (id: number) =>
  (await findDocs<{ _status: string; reviewStatus: string }>(cmsUrl, 'stories', `where[id][equals]=${id}&draft=true&depth=0`, 'editor'))
    .docs[0]

/** Opens the story, presses 「変更内容を公開」 and returns the refusal the admin shows for that request. */
async function pressPublish(id: number, expected: string): Promise<string> {
  await page.goto(`${cmsUrl}/admin/collections/stories/${id}`)
  const button = page.getByRole('button', { name: '変更内容を公開' })
  await button.waitFor({ timeout: 60_000 })
  const answered = page.waitForResponse((r) => r.url().includes(`/api/stories/${id}`) && r.request().method() !== 'GET')
  await button.click()
  expect((await answered).status()).toBe(400)
  // Other toasts may be on screen (the admin's own notices): the one for this refusal says why.
  const toast = page.locator('[data-sonner-toast]', { hasText: expected })
  await toast.waitFor({ timeout: 30_000 })
  return toast.innerText()
}

describe('publishing from the admin', () => {
  it('refuses a nomination still 受付 and leaves it a 受付 draft', async () => {
    const story = await createAsEditor<{ id: number }>(cmsUrl, 'stories', {
      title: unique('受付のままの推薦'),
      origin: 'resident',
      reviewStatus: 'received',
      _status: 'draft',
    })
    expect(await pressPublish(story.id, '確認が済むまで公開できません')).toContain('確認済み')
    expect(await stored(story.id)).toMatchObject({ _status: 'draft', reviewStatus: 'received' })
  })

  it('refuses a story without consent, then publishes it once consent is ticked in the sidebar', async () => {
    const story = await createAsEditor<{ id: number }>(cmsUrl, 'stories', {
      title: unique('同意のないストーリー'),
      origin: 'editorial',
      consent: { publication: false, photo: false },
      _status: 'draft',
    })
    expect(await pressPublish(story.id, '掲載同意を記録してください')).toContain('登場する方')
    expect((await stored(story.id))._status).toBe('draft')

    await page.locator('#field-consent__publication').check()
    await page.getByRole('button', { name: '変更内容を公開' }).click()
    await expect.poll(async () => (await stored(story.id))._status, { timeout: 30_000 }).toBe('published')
  })
})
