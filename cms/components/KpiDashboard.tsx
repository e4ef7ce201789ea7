import type { Payload, ServerProps } from 'payload'
import React from 'react'

import { fiscalMonthIndex, fiscalYearOf, parseFiscalYear, reiwaLabel } from '../domain/fiscalYear'
import { hasRole, isEditorUser, isStaffUser, managedOrganisationIds } from '../domain/roles'
import { officialNote, sampleNote } from '../kpi/openData'
import { toPublicReport } from '../kpi/publicReport'
import { computeKpis, type KpiReport } from '../kpi/report'
import { INBOX, inboxListUrl as listUrl } from '../lib/moderationInbox'
import { ProgressBar, TrendChart } from './charts'
import { ESUKO_ADMIN_CSS } from './styles'

/**
 * Before the admin dashboard: for staff, the fiscal year's six KPIs against their targets (progress bar and
 * 12-month trend each) and the moderation inbox; for organisation managers, only the way to their
 * organisation's feedback digest (no KPI internals). A server component: nothing runs in the browser.
 */

type Kpi = {
  key: string
  title: string
  value: number | null
  target: number | null | undefined
  unit: string
  digits?: number
  note?: string
  chart?: {
    values: (number | null)[]
    unit: string
    digits?: number
    kind: 'bars' | 'line'
    title: string
    reference?: { value: number; label: string } | null
  }
}

function kpisOf(report: KpiReport): Kpi[] {
  const t = report.targets
  // KPI 1 as published: the official results, and the portal survey only as far as its sample supports.
  const { survey } = toPublicReport(report)
  const monthly = (b: { byMonth: number[] }, unit: string, what: string) => ({
    values: b.byMonth,
    unit,
    kind: 'bars' as const,
    title: `${what}の月別推移（${report.label}）`,
  })
  return [
    {
      key: 'survey',
      title: '助け合える地域だと感じる市民の割合（増加ポイント）',
      value: survey.official.changePoints,
      target: t?.surveyPointIncrease,
      unit: 'pt',
      digits: 2,
      note: `${officialNote(survey.official)}。ポータルのアンケート（補助指標）：${survey.supplementary.current.share === null ? '' : `${fmt(survey.supplementary.current.share, 1)}%、`}${sampleNote(survey.supplementary.current, survey.supplementary.minimumSample)}`,
    },
    {
      key: 'citizens',
      title: 'えすこ市民の創出数',
      value: report.citizens.total,
      target: t?.citizens,
      unit: '人',
      chart: monthly(report.citizens, '人', 'えすこ市民の創出数'),
    },
    {
      key: 'participants',
      title: '新規参画者数（ユニーク）',
      value: report.participants.total,
      target: t?.participants,
      unit: '人',
      chart: monthly(report.participants, '人', '新規参画者数'),
    },
    {
      key: 'plansPublished',
      title: 'ウエルビーイングプラン蓄積数',
      value: report.plansPublished.total,
      target: t?.plansAccumulated,
      unit: '件',
      chart: monthly(report.plansPublished, '件', '公開されたプラン'),
    },
    {
      key: 'plansRealised',
      title: 'ウエルビーイングプラン実現数',
      value: report.plansRealised.total,
      target: t?.plansRealised,
      unit: '件',
      chart: monthly(report.plansRealised, '件', '実現したプラン'),
    },
    {
      key: 'organisations',
      title: 'えすこ共助会議参画団体数',
      value: report.organisations.total,
      target: t?.organisations,
      unit: '団体',
      chart: monthly(report.organisations, '団体', '共助会議に初めて参画した団体'),
    },
  ]
}

const fmt = (n: number, digits = 0) => n.toLocaleString('ja-JP', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function inboxCounts(payload: Payload, editor: boolean) {
  const items = INBOX.filter((i) => editor || !i.editorsOnly)
  const counts = await Promise.all(items.map((i) => payload.count({ collection: i.collection, where: i.where, overrideAccess: true })))
  return items.map((item, i) => ({ ...item, count: counts[i].totalDocs }))
}

function DigestCallout({ adminRoute }: { adminRoute: string }) {
  return (
    <section className="esuko-callout" aria-labelledby="esuko-digest-callout-heading">
      <h2 id="esuko-digest-callout-heading">団体へのフィードバック</h2>
      <p>あなたの団体が関わったストーリー、同じ町のウエルビーイングプラン、応援の申し出、つながりをまとめて確認できます。</p>
      <p>
        <a href={`${adminRoute}/digest`} className="esuko-digest__download">
          フィードバックを見る
        </a>
      </p>
    </section>
  )
}

export async function KpiDashboard(props: ServerProps) {
  const { payload, user, searchParams } = props
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const staff = isStaffUser(user)
  const manager = managedOrganisationIds(user).length > 0

  if (!staff) {
    return (
      <>
        <style>{ESUKO_ADMIN_CSS}</style>
        {manager || hasRole(user, 'organisation') ? <DigestCallout adminRoute={adminRoute} /> : null}
      </>
    )
  }

  const now = new Date()
  const currentFy = fiscalYearOf(now)
  // Staff may look at any year (before the programme too); an unreadable ?fy= shows the current one.
  const fy = parseFiscalYear(searchParams?.fy, { anyYear: true }) ?? currentFy
  const lastMonth = fy < currentFy ? 11 : fy > currentFy ? -1 : fiscalMonthIndex(now)
  const editor = isEditorUser(user)

  let report: KpiReport
  let inbox: Awaited<ReturnType<typeof inboxCounts>>
  try {
    ;[report, inbox] = await Promise.all([computeKpis(payload, fy, now), inboxCounts(payload, editor)])
  } catch (error) {
    payload.logger.error({ err: error, msg: 'KPI dashboard failed' })
    return (
      <section className="esuko-callout" role="alert">
        <p>KPIの集計を表示できませんでした。時間をおいて再読み込みしてください。</p>
      </section>
    )
  }

  const years = [currentFy - 2, currentFy - 1, currentFy]
  const kpis = kpisOf(report)

  return (
    <>
      <style>{ESUKO_ADMIN_CSS}</style>
      <section className="esuko-inbox" aria-labelledby="esuko-inbox-heading">
        <h2 id="esuko-inbox-heading">確認待ち</h2>
        <ul>
          {inbox.map((item) => (
            <li key={item.key} data-inbox={item.key}>
              <a href={listUrl(adminRoute, item.collection, item.where)} data-pending={item.count > 0 ? 'true' : 'false'}>
                <span>{item.label}</span>
                <strong>{item.count.toLocaleString('ja-JP')}</strong>
                <span className="esuko-kpi__note">件</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="esuko-kpi" aria-labelledby="esuko-kpi-heading" data-fiscal-year={fy}>
        <div className="esuko-kpi__head">
          <h2 id="esuko-kpi-heading">{report.label}の重要業績評価指標（KPI）</h2>
          <nav aria-label="年度の切り替え">
            <ul className="esuko-kpi__years">
              {years.map((y) => (
                <li key={y}>
                  <a href={`${adminRoute}?fy=${y}`} aria-current={y === fy ? 'page' : undefined}>
                    {reiwaLabel(y)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {report.targets ? null : (
          <p className="esuko-kpi__note">この年度の目標値は未設定です（契約で決まったら「KPI目標」で入力してください）。</p>
        )}
        <ul className="esuko-kpi__grid">
          {kpis.map((k) => (
            <li key={k.key} className="esuko-kpi__card" data-kpi={k.key}>
              <h3 id={`esuko-kpi-${k.key}-heading`}>{k.title}</h3>
              <p className="esuko-kpi__figure">
                {k.value === null ? 'データなし' : `${k.value > 0 && k.unit === 'pt' ? '+' : ''}${fmt(k.value, k.digits)}${k.unit}`}{' '}
                <small>{typeof k.target === 'number' ? `／ 目標 ${fmt(k.target, k.digits)}${k.unit}` : '／ 目標未設定'}</small>
              </p>
              <ProgressBar
                id={`esuko-kpi-${k.key}-progress`}
                label={k.title}
                value={k.value}
                target={k.target}
                unit={k.unit}
                digits={k.digits}
              />
              {k.note ? <p className="esuko-kpi__note">{k.note}</p> : null}
              {k.chart ? (
                <TrendChart
                  id={`esuko-kpi-${k.key}-chart`}
                  title={k.chart.title}
                  values={k.chart.values}
                  unit={k.chart.unit}
                  digits={k.chart.digits}
                  kind={k.chart.kind}
                  reference={k.chart.reference}
                  lastMonth={lastMonth}
                />
              ) : null}
            </li>
          ))}
        </ul>
        <p className="esuko-kpi__note">
          集計日時 {new Date(report.generatedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}
          。棒グラフは月ごとの件数です。KPI1は「市民意識調査の結果（KPI1）」に記録した市の調査結果から計算します。
        </p>
      </section>
      {manager ? (
        <DigestCallout adminRoute={adminRoute} />
      ) : editor ? (
        <p className="esuko-kpi__note">
          団体ごとのフィードバックは <a href={`${adminRoute}/digest`}>団体フィードバック</a> で確認できます。
        </p>
      ) : null}
    </>
  )
}

export default KpiDashboard
