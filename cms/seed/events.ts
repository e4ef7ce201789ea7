import type { Event, EventRegistration } from '../payload-types'
import type { CitizenKey } from './citizens'
import type { SeedMeta } from './content'
import { dayFromNow, jst } from './dates'
import type { OrgKey } from './organisations'
import { richText } from './richText'

// Past events sit on fixed dates in FY2025 (so the KPI for 共助会議 organisations lands in that year);
// upcoming ones are placed relative to the seed's `now` so the demo always has something to sign up for.

export type EventKey = 'furumai2025' | 'kaigi2025' | 'furumaiWinter' | 'kaigi2026' | 'sanpoCancelled' | 'furumaiSpringDraft'

export type SeedEvent = {
  key: EventKey
  slug: string
  kind: Event['kind']
  title: string
  startsAt: string
  endsAt: string
  venue: string
  town: NonNullable<Event['town']>
  summary: string
  description: ReturnType<typeof richText>
  themes: NonNullable<Event['themes']>
  capacity?: number
  registrationOpensAt?: string
  registrationClosesAt?: string
  registrationEnabled: boolean
  participatingOrganisations?: OrgKey[]
  showcasedCitizens?: CitizenKey[]
  attendance?: number
  cancelled?: boolean
  draft?: boolean
  meta?: SeedMeta
}

export const seedEvents = (now: Date): SeedEvent[] => [
  {
    key: 'furumai2025',
    slug: 'furumai-2025-kisuki',
    kind: 'furumai',
    title: 'えすこなふるまい市 2025 in 木次',
    startsAt: jst('2025-11-03', '10:00'),
    endsAt: jst('2025-11-03', '15:00'),
    venue: '木次交流センター前広場（斐伊川沿い）',
    town: '木次町',
    summary: 'お金のやりとりなし、「ふるまい」だけで成り立つ市。えすこ市民が得意なことや採れたものを持ち寄りました。',
    description: richText(
      'そば打ち、野菜のおすそわけ、自転車点検、昔遊び。出店者は全員ボランティアで、売り買いはありません。',
      { h2: '当日の様子' },
      '約三百二十人が来場し、えすこ市民の活動紹介パネルの前では「うちの地区にもこんな人がおる」と話がはずみました。',
    ),
    themes: ['food', 'place', 'culture'],
    registrationEnabled: false,
    showcasedCitizens: ['sato', 'soba', 'kenichi', 'koji'],
    attendance: 320,
  },
  {
    key: 'kaigi2025',
    slug: 'kyojo-kaigi-2025',
    kind: 'kaigi',
    title: '第1回 えすこ共助会議',
    startsAt: jst('2026-02-14', '13:30'),
    endsAt: jst('2026-02-14', '16:00'),
    venue: '木次町 市役所本庁舎 大会議室',
    town: '木次町',
    summary: 'えすこ市民の活動から見えてきた地域の困りごとと知恵を、地域自主組織・社会福祉協議会・企業・行政で共有しました。',
    description: richText(
      '令和7年度に登録されたえすこ市民の活動とつながりの記録を報告し、分野ごとのグループで意見を交わしました。',
      { h2: '出てきたアイデア' },
      '移動販売の停留所を見守りの拠点に／子ども食堂と農家をつなぐ仕組み／語り部の後継者づくり。',
    ),
    themes: ['elderly', 'mobility', 'place'],
    capacity: 60,
    registrationOpensAt: jst('2026-01-15', '09:00'),
    registrationClosesAt: jst('2026-02-10', '17:00'),
    registrationEnabled: true,
    participatingOrganisations: ['ushio', 'kisukiSakuraDistrict', 'kakeyaYamaai', 'shakyo', 'daidokoro', 'yamabiko', 'city', 'kataribe'],
    showcasedCitizens: ['junko', 'yumi'],
    attendance: 48,
  },
  {
    key: 'furumaiWinter',
    slug: 'furumai-2026-winter-mitoya',
    kind: 'furumai',
    title: 'えすこなふるまい市 2026 冬 in 三刀屋',
    startsAt: dayFromNow(now, 24, '10:00'),
    endsAt: dayFromNow(now, 24, '14:30'),
    venue: '三刀屋交流センター',
    town: '三刀屋町',
    summary: '冬のふるまい市。豚汁とそば、昔遊び、自転車点検。ふるまう側での参加も受け付けています。',
    description: richText(
      '来場は申し込み不要です。ふるまう側（出店）で参加したい方は、申し込みフォームからお知らせください。',
      { h2: 'ふるまいの例' },
      '豚汁、手打ちそば、しめ縄づくり、将棋コーナー、自転車のパンク修理。',
    ),
    themes: ['food', 'place'],
    capacity: 40,
    registrationOpensAt: dayFromNow(now, -14, '09:00'),
    registrationClosesAt: dayFromNow(now, 17, '17:00'),
    registrationEnabled: true,
    meta: {
      title: '冬のふるまい市 in 三刀屋（出店者募集中）',
      description:
        '三刀屋交流センターで開く冬のふるまい市。豚汁や手打ちそば、昔遊びに自転車点検。来場は申し込み不要、ふるまう側での参加を受け付けています。',
      image: 'furumai',
    },
  },
  {
    key: 'kaigi2026',
    slug: 'kyojo-kaigi-2026',
    kind: 'kaigi',
    title: '第2回 えすこ共助会議',
    startsAt: dayFromNow(now, 45, '13:30'),
    endsAt: dayFromNow(now, 45, '16:30'),
    venue: '加茂文化ホール 会議室',
    town: '加茂町',
    summary: '令和8年度の活動報告と、団体どうしの「できること・困っていること」の交換会をひらきます。',
    description: richText(
      '参画団体の方、関心のある住民の方、どなたでも参加できます（要申し込み）。',
      { h2: 'プログラム' },
      '活動報告／ウエルビーイングプランの紹介／テーブルごとの交換会／まとめ。',
    ),
    themes: ['elderly', 'kids', 'safety'],
    capacity: 80,
    registrationOpensAt: dayFromNow(now, -7, '09:00'),
    registrationClosesAt: dayFromNow(now, 38, '17:00'),
    registrationEnabled: true,
    participatingOrganisations: [
      'ushio',
      'kisukiSakuraDistrict',
      'kakeyaYamaai',
      'yoshidaYama',
      'shakyo',
      'daidokoro',
      'hiyori',
      'yamabiko',
      'city',
      'sakuraMamori',
    ],
  },
  {
    key: 'sanpoCancelled',
    slug: 'esuko-sanpo-kakeya',
    kind: 'other',
    title: 'えすこ散歩 in 掛合 ― 集落の昔話を聞きながら',
    startsAt: dayFromNow(now, 6, '09:30'),
    endsAt: dayFromNow(now, 6, '12:00'),
    venue: '掛合交流センター集合',
    town: '掛合町',
    summary: '地元の方の案内で集落を歩く散歩会。道路の補修工事と重なったため、今回は中止します。',
    description: richText('申し込みいただいた方には個別にご連絡しました。春にあらためて開催する予定です。'),
    themes: ['culture', 'health'],
    capacity: 20,
    registrationOpensAt: dayFromNow(now, -30, '09:00'),
    registrationClosesAt: dayFromNow(now, 3, '17:00'),
    registrationEnabled: false,
    cancelled: true,
  },
  {
    key: 'furumaiSpringDraft',
    slug: 'furumai-2027-spring-yoshida',
    kind: 'furumai',
    title: 'えすこなふるまい市 2027 春 in 吉田（準備中）',
    startsAt: dayFromNow(now, 150, '10:00'),
    endsAt: dayFromNow(now, 150, '15:00'),
    venue: '吉田町 たたらの町並み周辺',
    town: '吉田町',
    summary: '春のふるまい市。会場と内容を調整中です（下書き）。',
    description: richText('語り部の会と一緒に、町並み散策とふるまいを組み合わせる案を検討しています。'),
    themes: ['culture', 'food'],
    capacity: 50,
    registrationEnabled: true,
    draft: true,
  },
]

export type SeedRegistration = {
  event: EventKey
  nickname: string
  partySize: number
  town: NonNullable<EventRegistration['town']>
  contact: { email?: string; phone?: string; accessibilityNeeds?: string; consentAt: string }
  status: EventRegistration['status']
  createdAt: string
}

/** Only published events accept registrations (the capacity hook checks), so none go to the draft. */
export const seedRegistrations = (now: Date): SeedRegistration[] => [
  {
    event: 'kaigi2025',
    nickname: 'うしおの事務局さん',
    partySize: 2,
    town: '大東町',
    contact: { email: 'ushio-jimukyoku@example.jp', consentAt: jst('2026-01-20', '10:12') },
    status: 'confirmed',
    createdAt: jst('2026-01-20', '10:12'),
  },
  {
    event: 'kaigi2025',
    nickname: 'ひとり参加の会社員',
    partySize: 1,
    town: '木次町',
    contact: { email: 'kaigi-sanka@example.jp', consentAt: jst('2026-02-02', '21:40') },
    status: 'confirmed',
    createdAt: jst('2026-02-02', '21:40'),
  },
  {
    event: 'furumaiWinter',
    nickname: '豚汁の会',
    partySize: 4,
    town: '三刀屋町',
    contact: { phone: '090-0000-3001', consentAt: dayFromNow(now, -12, '19:05') },
    status: 'confirmed',
    createdAt: dayFromNow(now, -12, '19:05'),
  },
  {
    event: 'furumaiWinter',
    nickname: 'しめ縄じいちゃん',
    partySize: 1,
    town: '吉田町',
    contact: {
      phone: '090-0000-3002',
      accessibilityNeeds: '車いすで伺います。机の高さに配慮いただけると助かります。',
      consentAt: dayFromNow(now, -10, '11:30'),
    },
    status: 'confirmed',
    createdAt: dayFromNow(now, -10, '11:30'),
  },
  {
    event: 'furumaiWinter',
    nickname: 'かものママたち',
    partySize: 3,
    town: '加茂町',
    contact: { email: 'kamo-mamatachi@example.jp', consentAt: dayFromNow(now, -8, '13:15') },
    status: 'confirmed',
    createdAt: dayFromNow(now, -8, '13:15'),
  },
  {
    event: 'furumaiWinter',
    nickname: '松江から応援',
    partySize: 2,
    town: 'outside',
    contact: { email: 'matsue-ouen@example.com', consentAt: dayFromNow(now, -5, '22:01') },
    status: 'cancelled',
    createdAt: dayFromNow(now, -5, '22:01'),
  },
  {
    event: 'kaigi2026',
    nickname: '山あい暮らし協議会',
    partySize: 3,
    town: '掛合町',
    contact: { email: 'kakeya-yamaai@example.jp', consentAt: dayFromNow(now, -6, '09:20') },
    status: 'confirmed',
    createdAt: dayFromNow(now, -6, '09:20'),
  },
  {
    event: 'kaigi2026',
    nickname: '福祉協議会 生活支援',
    partySize: 2,
    town: '木次町',
    contact: { email: 'sasaeai-seikatsu@example.jp', consentAt: dayFromNow(now, -5, '14:45') },
    status: 'confirmed',
    createdAt: dayFromNow(now, -5, '14:45'),
  },
  {
    event: 'kaigi2026',
    nickname: '読み聞かせの仲間',
    partySize: 1,
    town: '木次町',
    contact: {
      phone: '090-0000-3009',
      accessibilityNeeds: '耳が遠いので前の方の席を希望します。',
      consentAt: dayFromNow(now, -3, '16:10'),
    },
    status: 'confirmed',
    createdAt: dayFromNow(now, -3, '16:10'),
  },
  {
    event: 'kaigi2026',
    nickname: '大学のゼミ生',
    partySize: 4,
    town: 'outside',
    contact: { email: 'zemi-unnan@example.com', consentAt: dayFromNow(now, -2, '12:00') },
    status: 'confirmed',
    createdAt: dayFromNow(now, -2, '12:00'),
  },
  {
    event: 'sanpoCancelled',
    nickname: '歩くのが好きな夫婦',
    partySize: 2,
    town: '掛合町',
    contact: { phone: '090-0000-3011', consentAt: dayFromNow(now, -20, '08:45') },
    status: 'cancelled',
    createdAt: dayFromNow(now, -20, '08:45'),
  },
  {
    event: 'sanpoCancelled',
    nickname: '昔話ききたい',
    partySize: 1,
    town: '三刀屋町',
    contact: { email: 'mukashibanashi@example.jp', consentAt: dayFromNow(now, -15, '20:30') },
    status: 'cancelled',
    createdAt: dayFromNow(now, -15, '20:30'),
  },
]

/** The one deletion request: the second 共助会議 participant asks for their contact to be erased. */
export const DELETION_REQUEST = {
  contact: { email: 'kaigi-sanka@example.jp' },
  note: '共助会議に申し込んだときのメールアドレスを削除してください。会議は楽しかったです。',
}
