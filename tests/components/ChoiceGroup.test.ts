import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { beforeAll, describe, expect, it } from 'vitest'

import ChoiceGroup from '../../site/components/ChoiceGroup.astro'

let container: AstroContainer
beforeAll(async () => {
  container = await AstroContainer.create()
})

const options = [
  { value: 'want_to_try', label: 'やってみたい', hint: '初めてのことに取り組みたい' },
  { value: 'challenge', label: '挑戦したい' },
]

describe('ChoiceGroup', () => {
  it('groups radio buttons under a legend, with the current value checked', async () => {
    const html = await container.renderToString(ChoiceGroup, {
      props: { name: 'kind', legend: 'プランの種類', options, value: 'challenge' },
    })
    expect(html).toBe(
      '<fieldset class="field" id="kind"><legend>プランの種類</legend>' +
        '<label class="choice"><input type="radio" name="kind" value="want_to_try"><span>やってみたい<span class="meta"> — 初めてのことに取り組みたい</span></span></label>' +
        '<label class="choice"><input type="radio" name="kind" value="challenge" checked><span>挑戦したい</span></label>' +
        '</fieldset>',
    )
  })

  it('marks the group required once and describes it by its error', async () => {
    const html = await container.renderToString(ChoiceGroup, {
      props: { name: 'kind', legend: 'プランの種類', options, required: true, error: 'プランの種類を選んでください。' },
    })
    expect(html).toContain(
      '<fieldset class="field" id="kind" aria-describedby="kind-error"><legend>プランの種類<span class="required">必須</span></legend>',
    )
    expect(html).toContain('<p class="field-error" id="kind-error">プランの種類を選んでください。</p>')
    // One required radio makes the whole group required; nothing is pre-checked.
    expect(html.match(/ required/g)).toHaveLength(1)
    expect(html).toContain('value="want_to_try" required>')
    expect(html).not.toContain('checked')
  })
})
