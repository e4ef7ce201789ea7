import type { Cheer } from '../payload-types'
import type { CitizenKey } from './citizens'
import type { PlanKey } from './plans'

// 拍手: anonymous praise for public stories, citizens and plans. A few carry a message; editors approved
// some of them, others wait for review, one was not published.

export type CheerTarget = { story: string } | { citizen: CitizenKey } | { plan: PlanKey }

export type SeedCheer = {
  target: CheerTarget
  message?: string
  messageStatus: Cheer['messageStatus']
  daysAgo: number
}

const TARGETS: [CheerTarget, number][] = [
  [{ story: 'daito-osusowake' }, 6],
  [{ story: 'kamo-smartphone' }, 5],
  [{ story: 'kisuki-sakura-souji' }, 5],
  [{ story: 'mitoya-minna-no-daidokoro' }, 4],
  [{ story: 'yoshida-tatara-kataribe' }, 3],
  [{ story: 'kakeya-idou-hanbai' }, 3],
  [{ citizen: 'sato' }, 3],
  [{ citizen: 'koji' }, 2],
  [{ citizen: 'junko' }, 2],
  [{ citizen: 'soba' }, 1],
  [{ plan: 'kataribe' }, 2],
  [{ plan: 'shogi' }, 1],
  [{ plan: 'oyakoOshaberi' }, 2],
  [{ plan: 'soba' }, 1],
]

// Messages by target and position among that target's cheers.
const MESSAGES: { target: CheerTarget; nth: number; message: string; messageStatus: Cheer['messageStatus'] }[] = [
  {
    target: { story: 'daito-osusowake' },
    nth: 0,
    message: '「ついでだけん」の一言にぐっときました。うちの母もお世話になっています。',
    messageStatus: 'approved',
  },
  {
    target: { story: 'kamo-smartphone' },
    nth: 1,
    message: '孫とビデオ通話ができるようになりました。先生ありがとう！',
    messageStatus: 'approved',
  },
  { target: { story: 'kisuki-sakura-souji' }, nth: 0, message: '来週の土曜、子どもと行ってみます。', messageStatus: 'approved' },
  { target: { citizen: 'koji' }, nth: 0, message: '案内がとても分かりやすかったです。また聞きに行きます。', messageStatus: 'approved' },
  { target: { story: 'mitoya-minna-no-daidokoro' }, nth: 0, message: 'みんなの台所の豚汁、最高でした。', messageStatus: 'pending' },
  { target: { plan: 'oyakoOshaberi' }, nth: 0, message: 'こういう場がほしかったです。参加したいです。', messageStatus: 'pending' },
  { target: { citizen: 'sato' }, nth: 1, message: 'いつもキュウリをありがとうございます。', messageStatus: 'pending' },
  { target: { story: 'kakeya-idou-hanbai' }, nth: 2, message: '（営業目的のURLを含むため非公開）', messageStatus: 'rejected' },
]

const same = (a: CheerTarget, b: CheerTarget) => JSON.stringify(a) === JSON.stringify(b)

export const CHEERS: SeedCheer[] = TARGETS.flatMap(([target, count], t) =>
  Array.from({ length: count }, (_, nth) => {
    const message = MESSAGES.find((m) => same(m.target, target) && m.nth === nth)
    return {
      target,
      message: message?.message,
      messageStatus: message?.messageStatus ?? 'none',
      // Spread over the last two months, deterministically.
      daysAgo: 1 + ((t * 7 + nth * 11) % 60),
    }
  }),
)
