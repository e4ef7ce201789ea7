import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import FormField from '../../site/components/FormField.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

const render = (props: Record<string, unknown>) => container.renderToString(FormField, { props })

describe('FormField', () => {
  it('ties the label, hint and error to the input and marks it invalid and required', async () => {
    const html = await render({
      name: 'email',
      label: 'メールアドレス',
      type: 'email',
      value: 'taro@',
      error: '形式が正しくありません。',
      hint: '公開しません。',
      required: true,
      maxlength: 254,
      autocomplete: 'email',
    })
    expect(html).toContain('<label for="email">メールアドレス<span class="required">必須</span></label>')
    expect(html).toContain('<p class="hint" id="email-hint">公開しません。</p>')
    expect(html).toContain('<p class="field-error" id="email-error">形式が正しくありません。</p>')
    expect(html).toContain(
      '<input id="email" name="email" required aria-invalid="true" aria-describedby="email-hint email-error" type="email" value="taro@" maxlength="254" autocomplete="email">',
    )
    // The message comes before the control, so a screen reader reaches it first in reading order too.
    expect(html.indexOf('email-error"')).toBeLessThan(html.indexOf('<input'))
  })

  it('leaves out aria-invalid, aria-describedby and the required mark when there is nothing to say', async () => {
    const html = await render({ name: 'nickname', label: 'ニックネーム' })
    expect(html).toBe(
      '<div class="field"><label for="nickname">ニックネーム</label><input id="nickname" name="nickname" type="text" value></div>',
    )
  })

  it('puts the resident’s text back into a textarea, escaped', async () => {
    const html = await render({
      name: 'description',
      label: '内容',
      type: 'textarea',
      value: '畑を<b>貸して</b>ください & よろしく',
      maxlength: 2000,
    })
    expect(html).toContain(
      '<textarea id="description" name="description" maxlength="2000">畑を&lt;b&gt;貸して&lt;/b&gt;ください &amp; よろしく</textarea>',
    )
    expect(html).not.toContain('<b>')
  })

  it('renders a select with a placeholder and the chosen option selected', async () => {
    const html = await render({
      name: 'town',
      label: '町',
      type: 'select',
      value: '加茂町',
      required: true,
      options: [
        { value: '大東町', label: '大東町' },
        { value: '加茂町', label: '加茂町' },
      ],
    })
    expect(html).toContain('<select id="town" name="town" required>')
    expect(html).toContain(
      '<option value="">選んでください</option><option value="大東町">大東町</option><option value="加茂町" selected>加茂町</option>',
    )
    const custom = await render({ name: 'town', label: '町', type: 'select', options: [], placeholderOption: 'すべて' })
    expect(custom).toContain('<option value="">すべて</option></select>')
  })

  it('passes number bounds and input mode through', async () => {
    const html = await render({ name: 'partySize', label: '人数', type: 'number', value: '2', min: 1, max: 10, inputmode: 'numeric' })
    expect(html).toContain('<input id="partySize" name="partySize" type="number" value="2" min="1" max="10" inputmode="numeric">')
  })
})
