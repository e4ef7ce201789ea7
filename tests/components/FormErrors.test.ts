import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import FormErrors from '../../site/components/FormErrors.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

const render = (props: Record<string, unknown>) => container.renderToString(FormErrors, { props })

describe('FormErrors', () => {
  it('renders nothing when the form has no errors', async () => {
    expect(await render({ fieldErrors: {}, labels: { email: 'メールアドレス' } })).toBe('')
  })

  it('sums up the field errors as an alert, linking each message to its field', async () => {
    const html = await render({
      fieldErrors: { kind: 'プランの種類を選んでください。', email: 'メールアドレスの形式が正しくありません。', extra: '謎の項目です。' },
      labels: { kind: 'プランの種類', email: 'メールアドレス' },
    })
    expect(html).toBe(
      '<div class="alert alert--error" role="alert" id="form-errors" tabindex="-1">' +
        '<p><strong>入力内容に確認が必要な項目があります。</strong></p><ul>' +
        '<li><a href="#kind">プランの種類</a>: プランの種類を選んでください。</li>' +
        '<li><a href="#email">メールアドレス</a>: メールアドレスの形式が正しくありません。</li>' +
        // A field without a label falls back to its name rather than disappearing.
        '<li><a href="#extra">extra</a>: 謎の項目です。</li>' +
        '</ul></div>',
    )
  })

  it('shows a message for the whole form (rate limit, full event) without a list', async () => {
    const html = await render({ formError: '定員に達したため、申し込みを締め切りました。', fieldErrors: {}, labels: {} })
    expect(html).toBe(
      '<div class="alert alert--error" role="alert" id="form-errors" tabindex="-1"><p><strong>定員に達したため、申し込みを締め切りました。</strong></p></div>',
    )
  })
})
