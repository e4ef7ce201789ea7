import type { Plan, SupportOffer } from '../payload-types'
import type { CitizenKey } from './citizens'
import type { SeedMeta } from './content'
import type { OrgKey } from './organisations'

// ウエルビーイングプラン: "I want to try / take on / use what I'm good at". Dates are relative to the seed's
// `now` (the lifecycle hook stamps each status step when the seed moves it forward).

export type PlanKey =
  | 'osusowake'
  | 'smartphone'
  | 'sakuraSouji'
  | 'daidokoroTasuke'
  | 'kataribe'
  | 'ochakai'
  | 'shogi'
  | 'oyakoOshaberi'
  | 'jitensha'
  | 'soba'
  | 'yomikikase'
  | 'kusakari'
  | 'asaYoga'
  | 'bousaiCamp'
  | 'takekago'
  | 'photoWalk'
  | 'noriai'
  | 'shimenawa'
  | 'podcast'
  | 'asaichi'

export type SeedPlan = {
  key: PlanKey
  kind: Plan['kind']
  title: string
  description: string
  town: Plan['town']
  themes: NonNullable<Plan['themes']>
  proposer?: CitizenKey
  proposerNickname: string
  /** Present for plans residents sent through the site form (a participant is counted from it). */
  proposerContact?: { email?: string; phone?: string }
  status: Plan['status']
  /** Days before `now` the plan was received. */
  receivedDaysAgo: number
  /** Slug of the story that tells how the plan came true (only for 実現). */
  realisationStory?: string
  meta?: SeedMeta
}

export const PLANS: SeedPlan[] = [
  // 実現 (realised)
  {
    key: 'osusowake',
    kind: 'use_skill',
    title: '採れすぎ野菜のおすそわけ便を続けたい',
    description: '畑で採れすぎた野菜を、散歩のついでにひとり暮らしのご近所へ届けます。届けながら様子をうかがう、無理のない見守りです。',
    town: '大東町',
    themes: ['food', 'elderly'],
    proposer: 'sato',
    proposerNickname: '山王寺の佐藤さん',
    status: 'realised',
    receivedDaysAgo: 260,
    realisationStory: 'daito-osusowake',
    meta: {
      title: '採れすぎ野菜のおすそわけ便（実現したプラン）',
      description: '大東町で、採れすぎた野菜を散歩のついでにひとり暮らしのご近所へ届ける見守りのプラン。えすこストーリーにもなりました。',
    },
  },
  {
    key: 'smartphone',
    kind: 'want_to_try',
    title: '高校生が先生の「スマホよろず相談」をひらきたい',
    description: 'カフェの一角で、月に一度、スマホの困りごとを高校生が教える会をひらきます。写真の送り方、バスの時刻の調べ方など。',
    town: '加茂町',
    themes: ['learning', 'place'],
    proposer: 'cafeOwner',
    proposerNickname: 'カフェの店主',
    status: 'realised',
    receivedDaysAgo: 240,
    realisationStory: 'kamo-smartphone',
  },
  {
    key: 'sakuraSouji',
    kind: 'challenge',
    title: '斐伊川の桜並木を、毎週の朝そうじで守りたい',
    description: '花見の季節が終わったあとも、毎週土曜の朝に堤防のごみを拾います。親子での参加を歓迎します。',
    town: '木次町',
    themes: ['nature', 'kids'],
    proposer: 'kenichi',
    proposerNickname: '桜並木の健一さん',
    status: 'realised',
    receivedDaysAgo: 230,
    realisationStory: 'kisuki-sakura-souji',
  },
  {
    key: 'ochakai',
    kind: 'want_to_try',
    title: '移動販売を待つ間に、軒先でお茶会を',
    description: '火曜の移動販売の日、停留所の前に椅子とお茶を用意して、待ち時間をおしゃべりの時間にします。',
    town: '掛合町',
    themes: ['elderly', 'mobility', 'place'],
    proposer: 'junko',
    proposerNickname: 'お茶当番の順子さん',
    status: 'realised',
    receivedDaysAgo: 200,
    realisationStory: 'kakeya-idou-hanbai',
  },
  {
    key: 'jitensha',
    kind: 'use_skill',
    title: '中高生の自転車を無料で点検したい',
    description: '月に一度、交流センターの駐輪場で自転車のブレーキ・タイヤ・ライトを点検します。パンク修理も。',
    town: '三刀屋町',
    themes: ['mobility', 'kids', 'safety'],
    proposer: 'bicycle',
    proposerNickname: '自転車なおし名人',
    status: 'realised',
    receivedDaysAgo: 180,
  },
  // 進行中 (in progress)
  {
    key: 'daidokoroTasuke',
    kind: 'challenge',
    title: 'みんなの台所を「食べる人もつくる人」の場に',
    description: '食べに来ていた子どもたちが、配膳や片付けを手伝える仕組みをつくります。お手伝いカードで感謝を見える化。',
    town: '三刀屋町',
    themes: ['food', 'kids'],
    proposer: 'yumi',
    proposerNickname: 'みんなの台所の由美さん',
    status: 'in_progress',
    receivedDaysAgo: 170,
  },
  {
    key: 'kataribe',
    kind: 'challenge',
    title: 'たたらの語り部を、次の世代に',
    description: '語り部の台本を聞き書きでまとめ、若い案内人を三人育てます。移住者や高校生の参加も歓迎。',
    town: '吉田町',
    themes: ['culture', 'learning'],
    proposer: 'koji',
    proposerNickname: '語り部 浩二さん',
    status: 'in_progress',
    receivedDaysAgo: 150,
  },
  {
    key: 'shogi',
    kind: 'use_skill',
    title: '放課後の将棋教室を、毎週に',
    description: '交流センターの放課後将棋を月二回から毎週にしたい。相手をしてくれる大人も募集します。',
    town: '大東町',
    themes: ['kids', 'place'],
    proposer: 'shogi',
    proposerNickname: '海潮の将棋おじさん',
    status: 'in_progress',
    receivedDaysAgo: 120,
  },
  {
    key: 'soba',
    kind: 'use_skill',
    title: '年越しそばを、集落みんなで打って届けたい',
    description: '十二月にそば打ち教室をひらき、打ったそばをひとり暮らしの方に届けます。',
    town: '掛合町',
    themes: ['food', 'elderly'],
    proposer: 'soba',
    proposerNickname: '波多のそば打ち名人',
    status: 'in_progress',
    receivedDaysAgo: 95,
  },
  {
    key: 'yomikikase',
    kind: 'want_to_try',
    title: '雨の日の紙芝居タイム',
    description: '雨の日の交流センターで、子どもたちに紙芝居を読みます。読み手の仲間も増やしたい。',
    town: '木次町',
    themes: ['kids', 'learning'],
    proposer: 'yomikikase',
    proposerNickname: '寺領の読み聞かせさん',
    status: 'in_progress',
    receivedDaysAgo: 80,
  },
  // 公開 (published)
  {
    key: 'oyakoOshaberi',
    kind: 'want_to_try',
    title: '未就園児の親子おしゃべり会',
    description: 'カフェの定休日をお借りして、小さな子どもと親が気軽に集まれる会をひらきたいです。',
    town: '加茂町',
    themes: ['kids', 'place'],
    proposer: 'aya',
    proposerNickname: '加茂の彩さん',
    proposerContact: { email: 'yamamoto.aya@example.jp' },
    status: 'published',
    receivedDaysAgo: 70,
  },
  {
    key: 'kusakari',
    kind: 'use_skill',
    title: '空き家まわりの草刈りを引き受けたい',
    description: '草刈り機を持っている仲間で、空き家や高齢世帯の周りの草刈りを引き受けます。声をかけてください。',
    town: '三刀屋町',
    themes: ['nature', 'safety'],
    proposer: 'kusakari',
    proposerNickname: '飯石の草刈り隊長',
    status: 'published',
    receivedDaysAgo: 60,
  },
  {
    key: 'asaYoga',
    kind: 'want_to_try',
    title: '公園で朝のストレッチ会',
    description: '週に一回、朝七時から二十分だけ、公園でいっしょに体をほぐしませんか。',
    town: '大東町',
    themes: ['health'],
    proposer: 'yoga',
    proposerNickname: '朝ヨガ先生',
    proposerContact: { email: 'kobayashi.mari@example.jp' },
    status: 'published',
    receivedDaysAgo: 55,
  },
  {
    key: 'bousaiCamp',
    kind: 'challenge',
    title: '交流センターで親子防災キャンプ',
    description: '避難所の開設を親子で体験する一泊キャンプを企画したい。段ボールベッドづくりや炊き出しも。',
    town: '木次町',
    themes: ['safety', 'kids'],
    proposerNickname: '日登の防災好き',
    proposerContact: { phone: '090-0000-4001' },
    status: 'published',
    receivedDaysAgo: 40,
  },
  {
    key: 'photoWalk',
    kind: 'want_to_try',
    title: '写真散歩で、地区の「いいところ」を集めたい',
    description: 'スマホで地区のいいところを撮って歩き、交流センターに展示します。',
    town: '吉田町',
    themes: ['culture', 'learning'],
    proposerNickname: '写真好きの移住者',
    proposerContact: { email: 'photo-walk@example.jp' },
    status: 'published',
    receivedDaysAgo: 30,
  },
  // 受付 (received, not yet public)
  {
    key: 'noriai',
    kind: 'challenge',
    title: '通院の乗り合いを、集落で相談できる仕組みに',
    description: '同じ日に病院へ行く人同士が、乗り合いを相談できる掲示板を集会所につくりたい。',
    town: '掛合町',
    themes: ['mobility', 'elderly'],
    proposerNickname: '山あいの運転手',
    proposerContact: { phone: '090-0000-4002' },
    status: 'received',
    receivedDaysAgo: 12,
  },
  {
    key: 'shimenawa',
    kind: 'use_skill',
    title: 'しめ縄づくりを教えたい',
    description: '年末に、わらでしめ縄をつくる会をひらきます。材料は用意します。',
    town: '吉田町',
    themes: ['culture'],
    proposerNickname: 'しめ縄じいちゃん',
    proposerContact: { phone: '090-0000-3002' },
    status: 'received',
    receivedDaysAgo: 8,
  },
  {
    key: 'podcast',
    kind: 'want_to_try',
    title: '地区の人にインタビューするラジオ番組',
    description: '高校の放送部と一緒に、地区の人の話を聞くインターネットラジオをつくりたいです。',
    town: '三刀屋町',
    themes: ['learning', 'culture'],
    proposerNickname: 'ラジオ好きの高校生',
    proposerContact: { email: 'radio-mitoya@example.jp' },
    status: 'received',
    receivedDaysAgo: 3,
  },
  // 取り下げ (withdrawn)
  {
    key: 'takekago',
    kind: 'use_skill',
    title: '竹かごづくり体験会',
    description: '竹を切るところから、小さなかごを仕上げるまでの体験会をひらきます。',
    town: '吉田町',
    themes: ['culture'],
    proposer: 'takezaiku',
    proposerNickname: '民谷の竹細工さん',
    status: 'withdrawn',
    receivedDaysAgo: 210,
  },
  {
    key: 'asaichi',
    kind: 'challenge',
    title: '大東の朝市を復活させたい',
    description: '昔あった朝市を、月一回の日曜朝に復活させたい。出店してくれる農家さんを探しています。',
    town: '大東町',
    themes: ['food', 'place'],
    proposerNickname: '大東の朝市好き',
    proposerContact: { email: 'daito-asaichi@example.jp' },
    status: 'withdrawn',
    receivedDaysAgo: 140,
  },
]

export type SeedSupportOffer = {
  plan: PlanKey
  kind: SupportOffer['kind']
  organisation?: OrgKey
  nickname: string
  message: string
  contact?: { email?: string; phone?: string }
  status: SupportOffer['status']
  daysAgo: number
}

export const SUPPORT_OFFERS: SeedSupportOffer[] = [
  {
    plan: 'daidokoroTasuke',
    kind: 'help',
    organisation: 'shakyo',
    nickname: 'うんなん支え合い福祉協議会',
    message: 'ボランティア保険の手続きと、送迎ボランティアの紹介をお手伝いします。',
    contact: { email: 'sasaeai-fukushi@example.jp' },
    status: 'approved',
    daysAgo: 150,
  },
  {
    plan: 'daidokoroTasuke',
    kind: 'help',
    nickname: '三刀屋の元給食調理員',
    message: '大鍋の扱いなら任せてください。月一回なら手伝えます。',
    contact: { phone: '090-0000-5001' },
    status: 'approved',
    daysAgo: 140,
  },
  {
    plan: 'kataribe',
    kind: 'help',
    organisation: 'yoshidaYama',
    nickname: 'よしだ山の暮らし協議会',
    message: '古老の聞き書きの日程調整と会場をご用意します。',
    status: 'approved',
    daysAgo: 130,
  },
  {
    plan: 'shogi',
    kind: 'help',
    nickname: '将棋好きの大学生',
    message: '帰省中の週末だけですが、子どもたちの相手をしたいです。',
    contact: { email: 'shogi-daigakusei@example.jp' },
    status: 'approved',
    daysAgo: 100,
  },
  {
    plan: 'soba',
    kind: 'cheer',
    nickname: '去年そばをもらった者',
    message: '昨年のそば、本当においしかったです。今年も楽しみにしています。',
    contact: { phone: '090-0000-5003' },
    status: 'approved',
    daysAgo: 60,
  },
  {
    plan: 'oyakoOshaberi',
    kind: 'help',
    organisation: 'hiyori',
    nickname: '古民家カフェ ひより',
    message: '定休日の木曜午前でしたら、お店の座敷をお使いください。',
    status: 'approved',
    daysAgo: 65,
  },
  {
    plan: 'asaYoga',
    kind: 'cheer',
    nickname: '運動不足の会社員',
    message: '出勤前に参加してみたいです。',
    contact: { email: 'undoubusoku@example.jp' },
    status: 'received',
    daysAgo: 20,
  },
  {
    plan: 'bousaiCamp',
    kind: 'help',
    organisation: 'kisukiSakuraDistrict',
    nickname: 'きすき桜づつみ地域協議会',
    message: '防災倉庫の資機材をお貸しできます。一度ご相談ください。',
    status: 'received',
    daysAgo: 25,
  },
  {
    plan: 'kusakari',
    kind: 'help',
    nickname: '草刈り機あります',
    message: '日曜なら手伝えます。',
    contact: { phone: '090-0000-5006' },
    status: 'received',
    daysAgo: 14,
  },
  {
    plan: 'photoWalk',
    kind: 'cheer',
    nickname: '通りすがり',
    message: '（宣伝の書き込みのため非公開）',
    contact: { email: 'tourisugari@example.com' },
    status: 'declined',
    daysAgo: 18,
  },
  {
    plan: 'yomikikase',
    kind: 'help',
    nickname: '紙芝居舞台をつくれます',
    message: '木工が趣味です。紙芝居の舞台をひとつ作って寄付したいです。',
    contact: { email: 'mokkou-shumi@example.jp' },
    status: 'approved',
    daysAgo: 45,
  },
]
