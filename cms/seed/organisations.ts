import type { Organisation } from '../payload-types'
import { richText } from './richText'

// Fictional organisations. Places (towns, districts, 交流センター) are real local colour; the groups are not.
// Public contacts use example.jp addresses and 090-0000-xxxx numbers only.

export type OrgKey =
  | 'ushio'
  | 'kisukiSakuraDistrict'
  | 'kakeyaYamaai'
  | 'yoshidaYama'
  | 'shakyo'
  | 'daidokoro'
  | 'sakuraMamori'
  | 'hiyori'
  | 'yamabiko'
  | 'city'
  | 'kataribe'
  | 'daitoAsaichi'

export type SeedOrganisation = {
  key: OrgKey
  slug: string
  name: string
  reading: string
  kind: Organisation['kind']
  town: NonNullable<Organisation['town']>
  district: string
  summary: string
  body: ReturnType<typeof richText>
  contact: { email?: string; phone?: string; website?: string }
  verified: boolean
  published: boolean
}

const DEMO_NOTE = '※えすこポータルのデモ用に作成した架空の団体です。'

export const ORGANISATIONS: SeedOrganisation[] = [
  {
    key: 'ushio',
    slug: 'demo-ushio-satoyama',
    name: 'うしお里山ふれあい協議会',
    reading: 'うしおさとやまふれあいきょうぎかい',
    kind: 'jichi',
    town: '大東町',
    district: '海潮',
    summary: '海潮地区の地域自主組織。健康ウォーキングや見守り訪問、交流センターでのサロンを住民の手で続けています。',
    body: richText(
      '交流センターを拠点に、地区の約四百世帯で支え合いの仕組みをつくっています。',
      { h2: '主な活動' },
      '月二回の健康ウォーキング、ひとり暮らし世帯への声かけ訪問、山王寺の棚田を眺める秋の里山散歩。',
      DEMO_NOTE,
    ),
    contact: { email: 'ushio-satoyama@example.jp', phone: '090-0000-1101' },
    verified: true,
    published: true,
  },
  {
    key: 'kisukiSakuraDistrict',
    slug: 'demo-kisuki-sakurazutsumi',
    name: 'きすき桜づつみ地域協議会',
    reading: 'きすきさくらづつみちいききょうぎかい',
    kind: 'jichi',
    town: '木次町',
    district: '木次',
    summary: '斐伊川の桜並木がある木次地区の地域自主組織。花見の時期の交通整理から、子どもの通学見守りまで。',
    body: richText(
      '春の桜まつりの運営を中心に、一年を通して堤防の草刈りや通学路の見守りをしています。',
      { h2: '大切にしていること' },
      '「できる人が、できるときに、できることを」。参加は気軽に、役はもちまわりで。',
      DEMO_NOTE,
    ),
    contact: { email: 'sakurazutsumi@example.jp', phone: '090-0000-1102' },
    verified: true,
    published: true,
  },
  {
    key: 'kakeyaYamaai',
    slug: 'demo-kakeya-yamaai',
    name: 'かけや山あい暮らし協議会',
    reading: 'かけややまあいくらしきょうぎかい',
    kind: 'jichi',
    town: '掛合町',
    district: '波多',
    summary: '山あいの集落が集まる地域自主組織。移動販売の日の集いや、冬の雪かき助け合いを続けています。',
    body: richText(
      '高齢化が進む山あいの集落で、買い物と移動の困りごとを地域で補い合っています。',
      { h2: '主な活動' },
      '移動販売車の停留所での「お茶っこ」、雪の朝の声かけ、集落をまたいだ乗り合いの相談窓口。',
      DEMO_NOTE,
    ),
    contact: { email: 'kakeya-yamaai@example.jp', phone: '090-0000-1103' },
    verified: true,
    published: true,
  },
  {
    key: 'yoshidaYama',
    slug: 'demo-yoshida-yama-no-kurashi',
    name: 'よしだ山の暮らし協議会',
    reading: 'よしだやまのくらしきょうぎかい',
    kind: 'jichi',
    town: '吉田町',
    district: '吉田',
    summary: 'たたら製鉄の歴史が残る吉田地区の地域自主組織。町並みの清掃や語り部の育成を応援しています。',
    body: richText('菅谷たたら山内や町並みを訪れる人を、地域ぐるみで迎える活動をしています。', DEMO_NOTE),
    contact: { email: 'yoshida-yama@example.jp', phone: '090-0000-1104' },
    verified: true,
    published: true,
  },
  {
    key: 'shakyo',
    slug: 'demo-unnan-sasaeai-fukushi',
    name: 'うんなん支え合い福祉協議会',
    reading: 'うんなんささえあいふくしきょうぎかい',
    kind: 'shakyo',
    town: '木次町',
    district: '木次',
    summary: 'ボランティアセンターの運営や生活支援コーディネーターの配置など、地域福祉の要となる団体です。',
    body: richText(
      '地域自主組織と一緒に、見守りや居場所づくりの担い手をつなぐ役割を担っています。',
      { h2: 'えすこな雲南市との関わり' },
      '生活支援コーディネーターが見つけた「えすこな人」をポータルに紹介し、共助会議にも参画しています。',
      DEMO_NOTE,
    ),
    contact: { email: 'sasaeai-fukushi@example.jp', phone: '090-0000-1105', website: 'https://example.jp/sasaeai' },
    verified: true,
    published: true,
  },
  {
    key: 'daidokoro',
    slug: 'demo-mitoya-minna-no-daidokoro',
    name: 'NPO法人 みとや みんなの台所',
    reading: 'みとや みんなのだいどころ',
    kind: 'npo',
    town: '三刀屋町',
    district: '三刀屋',
    summary: '交流センターで月二回、子どもも大人も一緒に食べる「みんなの台所」をひらいています。',
    body: richText(
      '規格外の野菜を農家さんから分けていただき、ボランティアが調理しています。',
      { h2: 'お手伝い募集' },
      '配膳や片付け、送迎を手伝ってくださる方を募集しています。一回だけの参加も歓迎です。',
      DEMO_NOTE,
    ),
    contact: { email: 'minna-no-daidokoro@example.jp', phone: '090-0000-1106', website: 'https://example.jp/minna-no-daidokoro' },
    verified: true,
    published: true,
  },
  {
    key: 'sakuraMamori',
    slug: 'demo-hiikawa-sakura-mamori',
    name: '斐伊川さくら守り隊',
    reading: 'ひいかわさくらまもりたい',
    kind: 'npo',
    town: '木次町',
    district: '木次',
    summary: '毎週土曜の朝、斐伊川堤防の桜並木でごみ拾いをする有志の会。親子連れの参加が増えています。',
    body: richText('散歩中のごみ拾いから始まった会です。道具は貸し出します。集合は朝七時、雨天中止。', DEMO_NOTE),
    contact: { email: 'sakura-mamori@example.jp' },
    verified: true,
    published: true,
  },
  {
    key: 'hiyori',
    slug: 'demo-kominka-cafe-hiyori',
    name: '古民家カフェ ひより',
    reading: 'こみんかかふぇ ひより',
    kind: 'company',
    town: '加茂町',
    district: '加茂',
    summary: '築百年の古民家を改装したカフェ。月に一度、高校生が先生役の「スマホよろず相談」をひらいています。',
    body: richText('お店の一角を地域の方の集まりに開放しています。相談会の日は、お茶を一杯サービス。', DEMO_NOTE),
    contact: { email: 'cafe-hiyori@example.jp', phone: '090-0000-1108', website: 'https://example.jp/cafe-hiyori' },
    verified: true,
    published: true,
  },
  {
    key: 'yamabiko',
    slug: 'demo-yamabiko-idou-hanbai',
    name: 'やまびこ移動販売',
    reading: 'やまびこいどうはんばい',
    kind: 'company',
    town: '掛合町',
    district: '掛合',
    summary: '掛合町・吉田町の山あいを週一回まわる移動販売。販売員さんの声かけが見守りにもなっています。',
    body: richText('食料品と日用品を積んで、十八か所の停留所をまわります。ご注文の取り置きも承ります。', DEMO_NOTE),
    contact: { email: 'yamabiko-hanbai@example.jp', phone: '090-0000-1109' },
    verified: true,
    published: true,
  },
  {
    key: 'city',
    slug: 'demo-city-kyojo-suishin',
    name: '雲南市 共助のまちづくり推進室（デモ）',
    reading: 'うんなんし きょうじょのまちづくりすいしんしつ',
    kind: 'government',
    town: '木次町',
    district: '木次',
    summary: '「えすこな雲南市」事業の窓口。えすこ市民の登録、ふるまい市と共助会議の運営を担当しています。',
    body: richText('えすこポータルについてのお問い合わせはこちらへ。', '※デモ用の架空の部署名です。実際のお問い合わせ先ではありません。'),
    contact: { email: 'esuko-suishin@example.jp', phone: '090-0000-1110' },
    verified: true,
    published: true,
  },
  {
    key: 'kataribe',
    slug: 'demo-tatara-kataribe',
    name: 'たたら語り部の会',
    reading: 'たたらかたりべのかい',
    kind: 'other',
    town: '吉田町',
    district: '吉田',
    summary: '菅谷たたら山内を訪れる人に、たたら製鉄の歴史を語るボランティアガイドの集まりです。',
    body: richText('地元の古老の話を聞き書きし、案内の台本を自分たちでつくっています。移住者の仲間も増えました。', DEMO_NOTE),
    contact: { email: 'tatara-kataribe@example.jp' },
    verified: true,
    published: true,
  },
  {
    key: 'daitoAsaichi',
    slug: 'demo-daito-asaichi',
    name: '大東あさ市の会（準備中）',
    reading: 'だいとうあさいちのかい',
    kind: 'npo',
    town: '大東町',
    district: '大東',
    summary: '大東町の朝市を復活させようと準備中のグループ。公開前の確認待ちです。',
    body: richText('出店者と会場を調整中です。', DEMO_NOTE),
    contact: { email: 'daito-asaichi@example.jp' },
    verified: false,
    published: false,
  },
]
