import type { Connection } from '../payload-types'
import type { CitizenKey } from './citizens'
import { jst } from './dates'
import type { EventKey } from './events'
import type { OrgKey } from './organisations'
import type { PlanKey } from './plans'

// New connections made by esuko citizens, on fixed dates in fiscal years 2025 and 2026 (Japan time).
// Partners are another citizen, an organisation, or a non-identifying description.

export type SeedConnection = {
  citizen: CitizenKey
  withCitizen?: CitizenKey
  withOrganisation?: OrgKey
  withOther?: string
  connectedAt: string
  origin: Connection['origin']
  howItCameAbout: string
  town: Connection['town']
  event?: EventKey
  plan?: PlanKey
}

export const CONNECTIONS: SeedConnection[] = [
  // FY2025 (令和7年度)
  {
    citizen: 'sato',
    withOther: 'ひとり暮らしのご近所の方',
    connectedAt: jst('2025-07-22', '07:30'),
    origin: 'activity',
    howItCameAbout: '散歩ついでの野菜のおすそわけで、玄関先で話すようになった。',
    town: '大東町',
  },
  {
    citizen: 'sato',
    withOrganisation: 'ushio',
    connectedAt: jst('2025-08-09', '09:00'),
    origin: 'introduction',
    howItCameAbout: '気になるご近所の様子を、地域自主組織の見守り担当に伝える仕組みができた。',
    town: '大東町',
  },
  {
    citizen: 'cafeOwner',
    withOther: '地元の高校生',
    connectedAt: jst('2025-08-12', '16:30'),
    origin: 'activity',
    howItCameAbout: '店先の張り紙を見た高校生が、スマホ相談の先生役を申し出た。',
    town: '加茂町',
  },
  {
    citizen: 'kenichi',
    withOther: '保育園の保護者のグループ',
    connectedAt: jst('2025-08-30', '07:00'),
    origin: 'introduction',
    howItCameAbout: 'SNSの写真へのコメントから、親子連れがごみ拾いに加わった。',
    town: '木次町',
  },
  {
    citizen: 'kenichi',
    withOrganisation: 'kisukiSakuraDistrict',
    connectedAt: jst('2025-09-13', '07:00'),
    origin: 'activity',
    howItCameAbout: '堤防の草刈りの日程を地域協議会と合わせるようになった。',
    town: '木次町',
  },
  {
    citizen: 'yumi',
    withOther: '規格外野菜を出す農家さん',
    connectedAt: jst('2025-09-10', '11:00'),
    origin: 'introduction',
    howItCameAbout: '農家さんの申し出で、食材の寄付が始まった。',
    town: '三刀屋町',
  },
  {
    citizen: 'yumi',
    withOrganisation: 'shakyo',
    connectedAt: jst('2025-10-01', '14:00'),
    origin: 'introduction',
    howItCameAbout: '生活支援コーディネーターの紹介で、送迎ボランティアとつながった。',
    town: '三刀屋町',
  },
  {
    citizen: 'koji',
    withOrganisation: 'kataribe',
    connectedAt: jst('2025-10-18', '10:00'),
    origin: 'event',
    howItCameAbout: '移住者交流会で会長と出会い、語り部の会に加わった。',
    town: '吉田町',
  },
  {
    citizen: 'soba',
    withOther: '若い移住者',
    connectedAt: jst('2025-11-03', '12:00'),
    origin: 'event',
    howItCameAbout: 'ふるまい市でそばをふるまったところ、弟子入りの申し出があった。',
    town: '木次町',
    event: 'furumai2025',
  },
  {
    citizen: 'sato',
    withCitizen: 'soba',
    connectedAt: jst('2025-11-03', '13:00'),
    origin: 'event',
    howItCameAbout: 'ふるまい市で隣のブースになり、野菜とそばの交換が始まった。',
    town: '木次町',
    event: 'furumai2025',
  },
  {
    citizen: 'aya',
    withOther: '同じ年頃の子を持つ親たち',
    connectedAt: jst('2025-11-03', '11:00'),
    origin: 'event',
    howItCameAbout: 'ふるまい市で手づくりのスタイを配り、連絡先を交換した。',
    town: '木次町',
    event: 'furumai2025',
  },
  {
    citizen: 'junko',
    withOrganisation: 'yamabiko',
    connectedAt: jst('2025-11-25', '10:00'),
    origin: 'activity',
    howItCameAbout: '販売員さんの声かけから、停留所でのお茶会が定着した。',
    town: '掛合町',
  },
  {
    citizen: 'shogi',
    withOther: '放課後子ども教室の小学生',
    connectedAt: jst('2025-12-10', '15:30'),
    origin: 'activity',
    howItCameAbout: '見守りボランティアに将棋盤を持ち込み、子どもたちと対局するようになった。',
    town: '大東町',
  },
  {
    citizen: 'bousai',
    withOther: 'ほかの地区の消防団OB',
    connectedAt: jst('2026-01-18', '09:00'),
    origin: 'activity',
    howItCameAbout: '地域自主組織の防災部会で情報交換を始めた。',
    town: '木次町',
  },
  {
    citizen: 'bicycle',
    withOther: '通学する中高生',
    connectedAt: jst('2026-01-28', '16:00'),
    origin: 'activity',
    howItCameAbout: 'チェーンの外れた自転車を直したことが口コミで広がった。',
    town: '三刀屋町',
  },
  {
    citizen: 'junko',
    withOrganisation: 'kakeyaYamaai',
    connectedAt: jst('2026-02-14', '15:00'),
    origin: 'event',
    howItCameAbout: '共助会議のグループで、乗り合い相談の仕組みづくりに誘われた。',
    town: '木次町',
    event: 'kaigi2025',
  },
  {
    citizen: 'yumi',
    withOrganisation: 'hiyori',
    connectedAt: jst('2026-02-14', '15:30'),
    origin: 'event',
    howItCameAbout: '共助会議で同じテーブルになり、焼き菓子の差し入れが始まった。',
    town: '木次町',
    event: 'kaigi2025',
  },
  // FY2026 (令和8年度)
  {
    citizen: 'yomikikase',
    withOrganisation: 'shakyo',
    connectedAt: jst('2026-04-24', '10:00'),
    origin: 'introduction',
    howItCameAbout: 'ボランティア講座の仲間と読み聞かせの会を立ち上げた。',
    town: '木次町',
  },
  {
    citizen: 'cafeOwner',
    withCitizen: 'aya',
    connectedAt: jst('2026-05-20', '10:30'),
    origin: 'portal',
    howItCameAbout: 'えすこポータルの記事を見た彩さんが、おしゃべり会の会場を相談に来た。',
    town: '加茂町',
  },
  {
    citizen: 'yoga',
    withOther: '出勤前の会社員',
    connectedAt: jst('2026-06-10', '07:00'),
    origin: 'portal',
    howItCameAbout: 'ポータルに載せたプランに応援の申し出があり、一緒に始めた。',
    town: '大東町',
  },
  {
    citizen: 'kusakari',
    withOther: '草刈りに困っていた高齢世帯',
    connectedAt: jst('2026-07-12', '08:00'),
    origin: 'activity',
    howItCameAbout: '水路掃除の慰労会で話を聞き、草刈りを引き受けた。',
    town: '三刀屋町',
  },
  {
    citizen: 'koji',
    withOther: '地元の高校生三人',
    connectedAt: jst('2026-08-05', '13:00'),
    origin: 'plan',
    howItCameAbout: '語り部育成のプランを見た高校生が、案内人の見習いに加わった。',
    town: '吉田町',
    plan: 'kataribe',
  },
  {
    citizen: 'shogi',
    withOther: '帰省中の大学生',
    connectedAt: jst('2026-08-15', '15:00'),
    origin: 'plan',
    howItCameAbout: '将棋教室のプランへの応援の申し出から、週末の相手役が見つかった。',
    town: '大東町',
    plan: 'shogi',
  },
  {
    citizen: 'yomikikase',
    withOther: '木工が趣味の方',
    connectedAt: jst('2026-10-03', '10:00'),
    origin: 'plan',
    howItCameAbout: 'プランへの申し出で、紙芝居の舞台を寄付してもらった。',
    town: '木次町',
    plan: 'yomikikase',
  },
  {
    citizen: 'soba',
    withOrganisation: 'kakeyaYamaai',
    connectedAt: jst('2026-10-20', '10:00'),
    origin: 'plan',
    howItCameAbout: '年越しそばの配達先を、協議会の見守り名簿と照らし合わせることになった。',
    town: '掛合町',
    plan: 'soba',
  },
  {
    citizen: 'kenichi',
    withCitizen: 'yomikikase',
    connectedAt: jst('2026-11-07', '07:30'),
    origin: 'introduction',
    howItCameAbout: 'ごみ拾いに来た親子から紹介され、雨の日は紙芝居、晴れの日はごみ拾いの連携が始まった。',
    town: '木次町',
  },
]
