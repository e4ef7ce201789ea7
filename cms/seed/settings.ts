import type { KpiTarget, SiteSetting } from '../payload-types'
import { DEFAULT_KPI_TARGETS } from '../globals/KpiTargets'
import { dayFromNow } from './dates'

export const siteSettings = (now: Date, links: { heroImage?: number | string; noticeEventSlug: string }): Partial<SiteSetting> => ({
  hero: {
    title: '助け合いは、ふだんの暮らしの「ついで」から。',
    lead: '斐伊川の桜並木から山あいの集落まで。雲南市の六つの町で、「えすこ」に人と関わり、つながりをつくっている人たちの物語を集めています。',
    // Ids are numbers on SQLite and strings on MongoDB; the generated types name only one.
    image: (links.heroImage ?? null) as never,
  },
  navigation: [
    { label: 'ストーリー', href: '/stories' },
    { label: 'プラン', href: '/plans' },
    { label: 'イベント', href: '/events' },
    { label: '団体', href: '/organisations' },
    { label: 'えすこについて', href: '/about' },
  ],
  notices: [
    {
      text: '「えすこなふるまい市 2026 冬 in 三刀屋」のふるまい側（出店）の申し込みを受け付けています。',
      href: `/events/${links.noticeEventSlug}`,
      from: dayFromNow(now, -14, '09:00'),
      until: dayFromNow(now, 17, '17:00'),
    },
  ],
})

/**
 * FY2025 are the city's targets (仕様書 「2025年度増加分設定 KPI」). The specification sets none for later years,
 * so none are seeded: those years show 未設定 until editors enter what the city decides.
 */
export const KPI_YEARS: NonNullable<KpiTarget['years']> = [{ ...DEFAULT_KPI_TARGETS }]
