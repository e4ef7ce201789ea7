import { describe, expect, it } from 'vitest'

import { recordReads } from '../../site/lib/cache'
import { activeNotices, type PublicSettings } from '../../site/lib/settings'

// Every page shows the site's notices within their display windows (site/lib/settings.ts). A window opens and closes
// with no edit, so the render notes when the next one does, and the page cache keeps no page past it.

const now = new Date('2026-12-01T09:00:00.000Z')
const at = (iso: string) => Date.parse(iso)
const settings = (notices: { text: string; from?: string; until?: string }[]) => ({ notices }) as unknown as PublicSettings

async function rendered(notices: { text: string; from?: string; until?: string }[]) {
  const { result, reads } = await recordReads(async () => activeNotices(settings(notices), now).map((n) => n.text))
  return { shown: result, changesAt: reads.changesAt }
}

describe('notices by their display window', () => {
  it.each([
    ['no window', [{ text: 'a' }], ['a'], Infinity],
    [
      'open, closing later',
      [{ text: 'a', from: '2026-11-30T00:00:00.000Z', until: '2026-12-02T00:00:00.000Z' }],
      ['a'],
      at('2026-12-02T00:00:00.001Z'),
    ],
    ['not yet open', [{ text: 'a', from: '2026-12-01T12:00:00.000Z' }], [], at('2026-12-01T12:00:00.000Z')],
    ['closed', [{ text: 'a', until: '2026-12-01T08:59:59.999Z' }], [], Infinity],
    ['shown through its last millisecond', [{ text: 'a', until: '2026-12-01T09:00:00.000Z' }], ['a'], at('2026-12-01T09:00:00.001Z')],
    [
      'the nearest edge of several',
      [
        { text: 'a', until: '2026-12-03T00:00:00.000Z' },
        { text: 'b', from: '2026-12-01T10:00:00.000Z' },
        { text: 'c', from: '2026-11-01T00:00:00.000Z' },
      ],
      ['a', 'c'],
      at('2026-12-01T10:00:00.000Z'),
    ],
  ] as [string, { text: string; from?: string; until?: string }[], string[], number][])('%s', async (_label, notices, shown, changesAt) => {
    expect(await rendered(notices)).toEqual({ shown, changesAt })
  })

  it('notes nothing outside a render', () => {
    expect(activeNotices(settings([{ text: 'a', from: '2026-12-01T12:00:00.000Z' }]), now)).toEqual([])
  })
})
