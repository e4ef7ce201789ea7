import type { Story } from '../payload-types'
import type { CitizenKey } from './citizens'
import type { EventKey } from './events'
import type { MediaKey } from './media'
import type { OrgKey } from './organisations'
import type { PlanKey } from './plans'
import { richText } from './richText'

type SeedStory = {
  title: string
  slug: string
  lead: string
  body: ReturnType<typeof richText>
  featured: boolean
  featuredOrder?: number
  status: 'draft' | 'published'
  daysAgo: number
  town: NonNullable<Story['town']>
  themes: NonNullable<Story['themes']>
  connectionOrigin: string
  /** やさしい日本語の要約: short sentences, spaces between phrases, few kanji (place names get furigana from the site). */
  easySummary?: string
  citizens: CitizenKey[]
  organisations: OrgKey[]
  relatedPlan?: PlanKey
  relatedEvent?: EventKey
  heroImage?: MediaKey
  /** The editors' search and share texts (cms/domain/seo.ts); most stories leave them to the page's own. */
  meta?: SeedMeta
}

export type SeedMeta = { title?: string; description?: string; image?: MediaKey }

// Fictional people and groups; names are given the way residents introduce each other, never in full.
export const STORIES: SeedStory[] = [
  {
    title: '朝どれ野菜の「おすそわけ便」が、ご近所の見守りに',
    slug: 'daito-osusowake',
    easySummary:
      '大東町の 佐藤さんは、まいあさ さんぽを します。\nそのとき、はたけの やさいを きんじょの 人に あげます。\nひとりで すんでいる お年よりも、あんしんして くらせます。',
    lead: '大東町の山王寺地区で、散歩ついでに野菜を届ける元農家の佐藤さん。玄関先の立ち話が、ひとり暮らしのお年寄りの安心につながっています。',
    body: richText(
      '毎朝六時、佐藤さん（72）は軽トラックではなく手押し車で畑に向かいます。採れすぎたキュウリやナスを、散歩の途中にご近所へ届けるのが日課です。',
      { h2: 'つながりのきっかけ' },
      '地域自主組織の健康ウォーキングで、同じ班になった一人暮らしの方から「最近は買い物に出るのがおっくうで」と聞いたのが始まりでした。',
      { h2: 'えすこなポイント' },
      '「ついでだけん、気にせんでええよ」。無理をしない“ついで”の関わりだから、三年続いています。届け先は今では八軒に増えました。',
    ),
    featured: true,
    featuredOrder: 1,
    status: 'published',
    daysAgo: 3,
    town: '大東町',
    themes: ['elderly', 'food'],
    connectionOrigin: '地域自主組織の健康ウォーキングで同じ班になった、ひとり暮らしの方の「買い物がおっくうで」という一言。',
    citizens: ['sato'],
    organisations: ['ushio'],
    relatedPlan: 'osusowake',
  },
  {
    title: '高校生が先生に。古民家カフェの「スマホよろず相談」',
    slug: 'kamo-smartphone',
    lead: '加茂町の古民家カフェで、月に一度ひらかれるスマホ相談会。教えるのは地元の高校生、教わるのは地域のおじいちゃん・おばあちゃんです。',
    body: richText(
      '「孫の写真を見たいけど、どこを押せばいいか分からん」。そんな声に応えたのが、高校二年生の美咲さんでした。',
      { h2: 'つながりのきっかけ' },
      'カフェの店主が店先に「スマホの困りごと、聞きます」と張り紙を出したところ、学校帰りに立ち寄った美咲さんが「わたし、教えられます」と名乗り出ました。',
      '今では参加者がお礼にと手作りのお菓子を持ち寄り、相談会はちょっとしたお茶会になっています。',
    ),
    featured: true,
    featuredOrder: 2,
    status: 'published',
    daysAgo: 10,
    town: '加茂町',
    themes: ['learning', 'place'],
    connectionOrigin: 'カフェの店先の張り紙「スマホの困りごと、聞きます」に、学校帰りの高校生が「教えられます」と名乗り出たこと。',
    citizens: ['cafeOwner'],
    organisations: ['hiyori'],
    relatedPlan: 'smartphone',
  },
  {
    title: '斐伊川の桜並木を、朝そうじで守る',
    slug: 'kisuki-sakura-souji',
    easySummary:
      '木次町の 斐伊川の そばに、さくらの 木が たくさん あります。\nまいしゅう 土よう日の あさ、みんなで ごみを ひろいます。\n子どもも いっしょに 来ます。',
    lead: '木次町の斐伊川堤防。花見の季節が終わったあとも、毎週土曜の朝に集まってごみを拾う人たちがいます。',
    body: richText(
      '呼びかけたのは、転勤で木次に来て五年になる会社員の健一さん。最初はひとりで始めた散歩中のごみ拾いでした。',
      { h2: 'つながりのきっかけ' },
      'SNSに載せた一枚の写真に、近くの保育園の保護者が「子どもと一緒に参加してもいいですか」とコメントしたことから、親子連れが加わるようになりました。',
      '「桜の木の名前を子どもたちが覚えてくれた」と、地元の老人クラブの方も喜んでいます。',
    ),
    featured: true,
    featuredOrder: 3,
    status: 'published',
    daysAgo: 18,
    town: '木次町',
    themes: ['nature', 'kids'],
    connectionOrigin: 'SNSに載せたごみ拾いの写真に、保育園の保護者が「子どもと一緒に参加してもいいですか」とコメントしたこと。',
    citizens: ['kenichi'],
    organisations: ['sakuraMamori', 'kisukiSakuraDistrict'],
    relatedPlan: 'sakuraSouji',
    heroImage: 'sakura',
  },
  {
    title: '三刀屋の「みんなの台所」、食べる人がつくる人に',
    slug: 'mitoya-minna-no-daidokoro',
    easySummary: '三刀屋町に、だれでも 来られる しょくどうが あります。\nまえは 食べに 来ていた 中学生が、いまは てつだって います。',
    lead: '三刀屋町の交流センターで月二回ひらかれる子ども食堂。かつて食べに来ていた中学生が、いまは配膳を手伝っています。',
    body: richText(
      '社会福祉協議会とNPOが一緒に立ち上げた「みんなの台所」は、子どもだけでなく誰でも来られる食堂です。',
      { h2: 'つながりのきっかけ' },
      '地域の農家さんから「規格外の野菜を使ってほしい」と申し出があり、食材の寄付がつながりを広げました。',
      '「ありがとう、と言われるのがうれしい」と話す中学生の拓海さん。食べる側からつくる側へ、役割が自然に入れ替わっています。',
    ),
    featured: true,
    featuredOrder: 4,
    status: 'published',
    daysAgo: 25,
    town: '三刀屋町',
    themes: ['food', 'kids'],
    connectionOrigin: '地域の農家さんからの「規格外の野菜を使ってほしい」という申し出が、食材の寄付と食堂をつないだこと。',
    citizens: ['yumi'],
    organisations: ['daidokoro', 'shakyo'],
    relatedPlan: 'daidokoroTasuke',
  },
  {
    title: 'たたらの里の語り部は、移住してきた元エンジニア',
    slug: 'yoshida-tatara-kataribe',
    lead: '吉田町の菅谷たたら山内を訪れる人に、たたら製鉄の歴史を語るボランティアガイド。その一人は、三年前に関東から移住してきた男性です。',
    body: richText(
      '「鉄をつくる技術の話なら、元エンジニアの血が騒ぐんです」と笑う浩二さん。地元の古老に話を聞き歩き、自分の言葉で案内できるようになりました。',
      { h2: 'つながりのきっかけ' },
      '移住者向けの交流会で、地域自主組織の会長から「語り部が足りない」と聞いたことがきっかけです。',
    ),
    featured: false,
    status: 'published',
    daysAgo: 40,
    town: '吉田町',
    themes: ['culture', 'learning'],
    connectionOrigin: '移住者向けの交流会で、地域自主組織の会長から「語り部が足りない」と聞いたこと。',
    citizens: ['koji'],
    organisations: ['kataribe', 'yoshidaYama'],
    relatedPlan: 'kataribe',
    heroImage: 'tatara',
  },
  {
    title: '移動販売を待つ時間が、山あいのお茶会に',
    slug: 'kakeya-idou-hanbai',
    lead: '掛合町の山あいの集落。週に一度の移動販売車を待つあいだ、公民館の軒先でお茶をいれる人がいます。',
    body: richText(
      '移動販売車が来る火曜日の午前。順子さん（68）はポットとお茶菓子を持って、集会所の前に椅子を並べます。',
      { h2: 'つながりのきっかけ' },
      '販売員さんの「待っとられる間、寒かろうに」という一言から、椅子を出すようになりました。今では買い物のない人もお茶を飲みに来ます。',
    ),
    featured: false,
    status: 'published',
    daysAgo: 55,
    town: '掛合町',
    themes: ['elderly', 'mobility', 'place'],
    connectionOrigin: '移動販売の販売員さんの「待っとられる間、寒かろうに」という一言。',
    meta: {
      title: '移動販売を待つ軒先のお茶会（掛合町）',
      description:
        '掛合町の山あいの集落で、週に一度の移動販売を待つあいだに開かれる軒先のお茶会。買い物のない人も集まる、えすこな居場所の物語です。',
    },
    citizens: ['junko'],
    organisations: ['yamabiko', 'kakeyaYamaai'],
    relatedPlan: 'ochakai',
  },
  {
    title: '【下書き】ふるまい市の準備レポート（公開前）',
    slug: 'furumai-junbi-draft',
    lead: 'えすこなふるまい市の準備の様子を、公開前に確認しています。',
    body: richText('この記事は下書きです。公開サイトには表示されません。'),
    featured: true,
    featuredOrder: 0,
    status: 'draft',
    daysAgo: 1,
    town: '三刀屋町',
    themes: ['food', 'place'],
    connectionOrigin: 'ふるまい市の準備会で、出店者どうしが得意なことを紹介し合ったこと。',
    citizens: ['soba', 'bicycle'],
    organisations: ['daidokoro', 'city'],
    relatedEvent: 'furumaiWinter',
    heroImage: 'furumai',
  },
]

export const DEMO_USERS = [
  { email: 'admin@esuko.example', name: 'デモ管理者', roles: ['admin'] },
  { email: 'editor@esuko.example', name: 'デモ編集者（市広報）', roles: ['editor'] },
  { email: 'coordinator@esuko.example', name: 'デモコーディネーター', roles: ['coordinator'] },
  { email: 'org@esuko.example', name: 'デモ団体管理者（みんなの台所）', roles: ['organisation'] },
] as const
