import type { Citizen } from '../payload-types'
import { jst } from './dates'

// Fictional esuko citizens. Display names follow how residents introduce each other ("山王寺の佐藤さん");
// the full names, addresses and phone numbers in `private` are invented too (example.jp, 090-0000-xxxx).

export type CitizenKey =
  | 'sato'
  | 'cafeOwner'
  | 'kenichi'
  | 'yumi'
  | 'koji'
  | 'junko'
  | 'shogi'
  | 'aya'
  | 'bousai'
  | 'bicycle'
  | 'takezaiku'
  | 'soba'
  | 'yoga'
  | 'yomikikase'
  | 'kusakari'

export type SeedCitizen = {
  key: CitizenKey
  slug: string
  displayName: string
  /** Furigana over the display name (hiragana), for some only: it is optional in the admin too. */
  displayNameReading?: string
  town: Citizen['town']
  district: string
  themes: NonNullable<Citizen['themes']>
  interests: string
  intro: string
  activities: string
  discoveredThrough: NonNullable<Citizen['discoveredThrough']>
  connectionMethod: string
  consent: {
    publication: boolean
    photo: boolean
    method: NonNullable<NonNullable<Citizen['consent']>['method']>
    givenAt: string
    witness?: string
  }
  private: { legalName: string; email?: string; phone?: string; birthYear: number; notes?: string }
  status: Citizen['status']
  /** When the record was first entered (fixed, within the programme's fiscal years). */
  registeredAt: string
  /** When the status first became 登録 (KPI 2); only for registered or paused citizens. */
  citizenSince?: string
}

export const CITIZENS: SeedCitizen[] = [
  {
    key: 'sato',
    slug: 'daito-sannoji-sato',
    displayName: '山王寺の佐藤さん',
    displayNameReading: 'さんのうじのさとうさん',
    town: '大東町',
    district: '海潮',
    themes: ['elderly', 'food'],
    interests: '野菜づくり、朝の散歩',
    intro: '採れすぎた野菜を、散歩ついでにおすそわけ。',
    activities:
      '朝の散歩の途中に、ひとり暮らしのご近所八軒へ野菜を届けています。玄関先の立ち話で様子をうかがい、気になることがあれば地域自主組織の見守り担当に伝えています。',
    discoveredThrough: 'nomination',
    connectionMethod:
      '地域自主組織の健康ウォーキングで同じ班になった方の「買い物がおっくう」という声から、おすそわけが始まりました。届け先のご近所同士も顔見知りになっています。',
    consent: { publication: true, photo: true, method: 'paper', givenAt: jst('2025-07-18') },
    private: {
      legalName: '佐藤 一郎',
      phone: '090-0000-2001',
      birthYear: 1954,
      notes: '電話は午前中がつながりやすい。ご家族（長女・松江市在住）も掲載を了承済み。',
    },
    status: 'registered',
    registeredAt: jst('2025-07-18', '14:00'),
    citizenSince: jst('2025-07-18', '14:00'),
  },
  {
    key: 'cafeOwner',
    slug: 'kamo-cafe-tenshu',
    displayName: '加茂の古民家カフェの店主さん',
    town: '加茂町',
    district: '加茂',
    themes: ['learning', 'place'],
    interests: 'コーヒー、古い家の手入れ',
    intro: 'お店の一角を、地域の相談室に。',
    activities: '月に一度、カフェで高校生が先生役の「スマホよろず相談」をひらいています。相談に来た方と高校生をつなぐ段取り役です。',
    discoveredThrough: 'self',
    connectionMethod:
      '店先の張り紙「スマホの困りごと、聞きます」に、学校帰りの高校生が「教えられます」と名乗り出たことから、教える側と教わる側がつながりました。',
    consent: { publication: true, photo: false, method: 'web', givenAt: jst('2025-08-05') },
    private: { legalName: '森田 陽子', email: 'morita.yoko@example.jp', phone: '090-0000-2002', birthYear: 1981 },
    status: 'registered',
    registeredAt: jst('2025-08-05', '11:00'),
    citizenSince: jst('2025-08-20', '11:00'),
  },
  {
    key: 'kenichi',
    slug: 'kisuki-sakura-kenichi',
    displayName: '桜並木の健一さん',
    displayNameReading: 'さくらなみきのけんいちさん',
    town: '木次町',
    district: '木次',
    themes: ['nature', 'kids'],
    interests: 'ジョギング、写真',
    intro: '土曜の朝は、斐伊川の堤防でごみ拾い。',
    activities: '斐伊川の桜並木で毎週土曜の朝にごみ拾いを続け、親子連れの参加者に桜の木の名前を教えています。',
    discoveredThrough: 'coordinator',
    connectionMethod:
      'SNSに載せたごみ拾いの写真に保育園の保護者がコメントしたことから、親子連れが加わるようになりました。老人クラブの方とも一緒に活動しています。',
    consent: { publication: true, photo: true, method: 'web', givenAt: jst('2025-07-26') },
    private: {
      legalName: '高橋 健一',
      email: 'takahashi.kenichi@example.jp',
      birthYear: 1986,
      notes: '転勤で木次に来て五年。平日は仕事のため連絡はメールで。',
    },
    status: 'registered',
    registeredAt: jst('2025-07-26', '09:30'),
    citizenSince: jst('2025-07-26', '09:30'),
  },
  {
    key: 'yumi',
    slug: 'mitoya-daidokoro-yumi',
    displayName: 'みんなの台所の由美さん',
    town: '三刀屋町',
    district: '三刀屋',
    themes: ['food', 'kids'],
    interests: '料理、段取り',
    intro: '食べに来た子が、いつの間にか手伝う側に。',
    activities: '三刀屋の交流センターで月二回ひらく「みんなの台所」の調理リーダー。中学生のお手伝いの受け入れも担当しています。',
    discoveredThrough: 'organisation',
    connectionMethod: '農家さんからの「規格外の野菜を使ってほしい」という申し出を受けて、食材の寄付と食堂をつなぎました。',
    consent: { publication: true, photo: false, method: 'in_person', witness: '木次 和子（コーディネーター）', givenAt: jst('2025-09-02') },
    private: { legalName: '石原 由美', email: 'ishihara.yumi@example.jp', phone: '090-0000-2004', birthYear: 1972 },
    status: 'registered',
    registeredAt: jst('2025-09-02', '15:00'),
    citizenSince: jst('2025-09-02', '15:00'),
  },
  {
    key: 'koji',
    slug: 'yoshida-kataribe-koji',
    displayName: 'たたらの語り部 浩二さん',
    town: '吉田町',
    district: '吉田',
    themes: ['culture', 'learning'],
    interests: '鉄の歴史、ものづくり',
    intro: '元エンジニアが語る、たたら製鉄のしくみ。',
    activities: '菅谷たたら山内のボランティアガイド。地元の古老に聞き書きした話を、案内の台本にまとめています。',
    discoveredThrough: 'event',
    connectionMethod: '移住者向けの交流会で地域自主組織の会長と出会い、「語り部が足りない」と聞いてガイドの仲間に加わりました。',
    consent: { publication: true, photo: true, method: 'paper', givenAt: jst('2025-10-11') },
    private: {
      legalName: '中川 浩二',
      email: 'nakagawa.koji@example.jp',
      phone: '090-0000-2005',
      birthYear: 1963,
      notes: '関東から移住して三年。',
    },
    status: 'registered',
    registeredAt: jst('2025-10-11', '13:00'),
    citizenSince: jst('2025-10-11', '13:00'),
  },
  {
    key: 'junko',
    slug: 'kakeya-ocha-junko',
    displayName: 'お茶当番の順子さん',
    town: '掛合町',
    district: '波多',
    themes: ['elderly', 'mobility', 'place'],
    interests: 'お茶、漬物',
    intro: '移動販売を待つ時間を、お茶会に。',
    activities: '火曜の移動販売の日、集会所の前に椅子を並べてお茶をいれています。買い物のない人も立ち寄る場所になりました。',
    discoveredThrough: 'organisation',
    connectionMethod:
      '移動販売の販売員さんの「寒かろうに」という一言から椅子を出すようになり、集落の人同士が顔を合わせる場が生まれました。',
    consent: { publication: true, photo: false, method: 'paper', givenAt: jst('2025-11-18') },
    private: { legalName: '吉川 順子', phone: '090-0000-2006', birthYear: 1957 },
    status: 'registered',
    registeredAt: jst('2025-11-18', '10:30'),
    citizenSince: jst('2025-11-18', '10:30'),
  },
  {
    key: 'shogi',
    slug: 'daito-ushio-shogi',
    displayName: '海潮の将棋おじさん',
    displayNameReading: 'うしおのしょうぎおじさん',
    town: '大東町',
    district: '海潮',
    themes: ['kids', 'place'],
    interests: '将棋、囲碁',
    intro: '放課後の交流センターで、子どもと一局。',
    activities: '水曜の放課後、交流センターで小学生に将棋を教えています。迎えに来る保護者とのおしゃべりも楽しみのひとつ。',
    discoveredThrough: 'nomination',
    connectionMethod: '放課後子ども教室の見守りボランティアに参加したとき、将棋盤を持ち込んだのがきっかけです。',
    consent: { publication: true, photo: false, method: 'paper', givenAt: jst('2025-12-03') },
    private: { legalName: '松本 正夫', phone: '090-0000-2007', birthYear: 1950 },
    status: 'registered',
    registeredAt: jst('2025-12-03', '16:00'),
    citizenSince: jst('2025-12-03', '16:00'),
  },
  {
    key: 'aya',
    slug: 'kamo-kosodate-aya',
    displayName: '加茂の子育てママ 彩さん',
    town: '加茂町',
    district: '加茂',
    themes: ['kids', 'place'],
    interests: '絵本、手芸',
    intro: '子連れで集まれる「おしゃべり会」を準備中。',
    activities: '未就園児の親子が気軽に集まれる会を、カフェの定休日に開けないか相談しています。',
    discoveredThrough: 'event',
    connectionMethod: 'ふるまい市で手づくりのスタイを配ったとき、同じ年頃の子を持つ親同士で連絡先を交換したのが始まりです。',
    consent: { publication: true, photo: false, method: 'web', givenAt: jst('2026-05-14') },
    private: { legalName: '山本 彩', email: 'yamamoto.aya@example.jp', birthYear: 1992 },
    status: 'candidate',
    registeredAt: jst('2026-05-14', '20:00'),
  },
  {
    key: 'bousai',
    slug: 'kisuki-hinobori-bousai',
    displayName: '日登の防災さん',
    displayNameReading: 'ひのぼりのぼうさいさん',
    town: '木次町',
    district: '日登',
    themes: ['safety'],
    interests: '防災、無線',
    intro: '避難所の開け方を、いつもの集まりで練習。',
    activities: '地区の防災訓練で、避難所の受付や段ボールベッドの組み立て方を教えています。',
    discoveredThrough: 'organisation',
    connectionMethod: '地域自主組織の防災部会で、ほかの地区の消防団OBと情報交換をするようになりました。',
    consent: { publication: false, photo: false, method: 'in_person', witness: '大東 健（地域自主組織）', givenAt: jst('2025-09-20') },
    private: {
      legalName: '藤原 誠',
      phone: '090-0000-2009',
      birthYear: 1961,
      notes: '掲載は希望されない。活動の記録とKPIへの計上のみ了承。',
    },
    status: 'registered',
    registeredAt: jst('2025-09-20', '10:00'),
    citizenSince: jst('2025-09-20', '10:00'),
  },
  {
    key: 'bicycle',
    slug: 'mitoya-jitensha-meijin',
    displayName: '三刀屋の自転車なおし名人',
    town: '三刀屋町',
    district: '三刀屋',
    themes: ['mobility', 'kids'],
    interests: '自転車整備、釣り',
    intro: 'パンク修理、ついでに世間話。',
    activities: '月に一度、交流センターの駐輪場で中高生の自転車を無料で点検しています。',
    discoveredThrough: 'coordinator',
    connectionMethod: '通学路の見守り中にチェーンの外れた自転車を直したことが口コミで広がり、点検会になりました。',
    consent: { publication: true, photo: false, method: 'paper', givenAt: jst('2026-01-22') },
    private: { legalName: '岡田 茂', phone: '090-0000-2010', birthYear: 1958 },
    status: 'registered',
    registeredAt: jst('2026-01-22', '14:00'),
    citizenSince: jst('2026-01-22', '14:00'),
  },
  {
    key: 'takezaiku',
    slug: 'yoshida-takezaiku',
    displayName: '民谷の竹細工さん',
    displayNameReading: 'たみだにのたけざいくさん',
    town: '吉田町',
    district: '民谷',
    themes: ['culture'],
    interests: '竹細工、山仕事',
    intro: '竹かごづくりを、孫の世代へ。',
    activities: '竹かごづくりの体験会をひらいていましたが、体調のため今はお休み中です。',
    discoveredThrough: 'nomination',
    connectionMethod: '小学校の昔遊び体験に講師として呼ばれ、保護者から体験会の依頼が来るようになりました。',
    consent: { publication: true, photo: false, method: 'paper', givenAt: jst('2025-08-28') },
    private: { legalName: '井上 勝', phone: '090-0000-2011', birthYear: 1944, notes: '2026年春から体調のため休止。再開の意向あり。' },
    status: 'paused',
    registeredAt: jst('2025-08-28', '13:30'),
    citizenSince: jst('2025-08-28', '13:30'),
  },
  {
    key: 'soba',
    slug: 'kakeya-hata-soba',
    displayName: '波多のそば打ち名人',
    displayNameReading: 'はたのそばうちめいじん',
    town: '掛合町',
    district: '波多',
    themes: ['food', 'culture'],
    interests: 'そば打ち、山菜',
    intro: '年越しそばは、集落みんなで打つ。',
    activities: '冬にそば打ち教室をひらき、打ったそばをひとり暮らしの方に届けています。',
    discoveredThrough: 'event',
    connectionMethod: 'ふるまい市でそばをふるまったところ、若い移住者が弟子入りを申し出ました。',
    consent: {
      publication: true,
      photo: true,
      method: 'in_person',
      witness: '掛合 美代子（コーディネーター）',
      givenAt: jst('2025-11-03', '15:00'),
    },
    private: { legalName: '石田 忠', phone: '090-0000-2012', birthYear: 1952 },
    status: 'registered',
    registeredAt: jst('2025-11-05', '10:00'),
    citizenSince: jst('2025-11-05', '10:00'),
  },
  {
    key: 'yoga',
    slug: 'daito-asa-yoga',
    displayName: '大東の朝ヨガ先生',
    town: '大東町',
    district: '大東',
    themes: ['health'],
    interests: 'ヨガ、ストレッチ',
    intro: '公園で、朝のストレッチをいっしょに。',
    activities: '公園で週一回、誰でも参加できる朝のストレッチ会を試しています。',
    discoveredThrough: 'self',
    connectionMethod: 'えすこポータルでプランを投稿し、応援の申し出をくれた方と一緒に始めました。',
    consent: { publication: false, photo: false, method: 'web', givenAt: jst('2026-06-02') },
    private: {
      legalName: '小林 真理',
      email: 'kobayashi.mari@example.jp',
      birthYear: 1988,
      notes: '登録に向けて面談予定。掲載は活動が落ち着いてから検討したいとのこと。',
    },
    status: 'candidate',
    registeredAt: jst('2026-06-02', '19:00'),
  },
  {
    key: 'yomikikase',
    slug: 'kisuki-jiryo-yomikikase',
    displayName: '寺領の読み聞かせさん',
    displayNameReading: 'じりょうのよみきかせさん',
    town: '木次町',
    district: '寺領',
    themes: ['kids', 'learning'],
    interests: '絵本、紙芝居',
    intro: '雨の日の交流センターは、紙芝居の日。',
    activities: '交流センターの図書コーナーで、月二回の読み聞かせと紙芝居をしています。',
    discoveredThrough: 'organisation',
    connectionMethod: '社会福祉協議会のボランティア講座で知り合った仲間と、読み聞かせの会を立ち上げました。',
    consent: { publication: true, photo: false, method: 'paper', givenAt: jst('2026-04-20') },
    private: { legalName: '渡辺 恵子', phone: '090-0000-2014', birthYear: 1966 },
    status: 'registered',
    registeredAt: jst('2026-04-20', '11:00'),
    citizenSince: jst('2026-04-20', '11:00'),
  },
  {
    key: 'kusakari',
    slug: 'mitoya-iishi-kusakari',
    displayName: '飯石の草刈り隊長',
    displayNameReading: 'いいしのくさかりたいちょう',
    town: '三刀屋町',
    district: '飯石',
    themes: ['nature', 'safety'],
    interests: '草刈り、農機の手入れ',
    intro: '空き家のまわりの草刈りを、声をかけ合って。',
    activities: '空き家や高齢世帯の周りの草刈りを、仲間と声をかけ合って引き受けています。',
    discoveredThrough: 'coordinator',
    connectionMethod: '集落の水路掃除のあとの慰労会で、草刈りに困っている世帯の話が出たのがきっかけです。',
    consent: { publication: true, photo: false, method: 'in_person', witness: '吉田 修（民生委員）', givenAt: jst('2026-07-08') },
    private: { legalName: '森 和夫', phone: '090-0000-2015', birthYear: 1959 },
    status: 'candidate',
    registeredAt: jst('2026-07-08', '15:30'),
  },
]
