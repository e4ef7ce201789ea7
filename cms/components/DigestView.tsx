import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { canUseDigest } from '../access/canUseDigest'
import { digestAccess } from '../access/digestAccess'
import { fiscalYearOf, parseFiscalYear, reiwaLabel } from '../domain/fiscalYear'
import {
  buildDigest,
  connectionOriginLabel,
  DIGEST_MESSAGES,
  digestOrganisations,
  formatDate,
  offerKindLabel,
  PLAN_REASON_LABELS,
  planKindLabel,
  planStatusLabel,
  STORY_REASON_LABELS,
} from '../lib/digest'
import { ESUKO_ADMIN_CSS } from './styles'

/**
 * /admin/digest: an organisation's feedback digest (cms/lib/digest.ts). Managers see their own
 * organisations; editors and admins pick any with ?org=ID. ?fy=2025 limits it to one fiscal year.
 */

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function DigestView({ initPageResult, params, searchParams, payload, user, i18n, locale, permissions }: AdminViewServerProps) {
  const adminRoute = payload.config.routes.admin
  const apiRoute = payload.config.routes.api
  const principal = initPageResult.req.user ?? user
  if (!principal) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/digest`)}`)

  const query = (searchParams ?? {}) as Record<string, string | string[] | undefined>
  const organisations = canUseDigest(principal) ? await digestOrganisations(payload, principal) : []
  const requestedOrg = first(query.org)
  const orgId = requestedOrg ?? (organisations[0] ? String(organisations[0].id) : undefined)
  const fiscalYear = parseFiscalYear(first(query.fy), { anyYear: true })
  const access = orgId === undefined ? 'forbidden' : digestAccess(principal, orgId)
  const digest = access === 'ok' && orgId !== undefined ? await buildDigest(payload, orgId, { fiscalYear }) : null

  const currentFy = fiscalYearOf(new Date())
  const here = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams()
    const merged: Record<string, string | null | undefined> = {
      org: orgId,
      fy: fiscalYear === null ? null : String(fiscalYear),
      ...changes,
    }
    for (const [k, v] of Object.entries(merged)) if (v) next.set(k, v)
    const qs = next.toString()
    return `${adminRoute}/digest${qs ? `?${qs}` : ''}`
  }
  const csvHref = digest
    ? `${apiRoute}/organisations/${encodeURIComponent(String(digest.organisation.id))}/digest.csv${fiscalYear === null ? '' : `?fy=${fiscalYear}`}`
    : null

  const body = (() => {
    if (access !== 'ok') {
      return (
        <div className="esuko-callout" role="alert">
          <p>
            {orgId === undefined && !canUseDigest(principal)
              ? 'フィードバックを見られる団体が、このアカウントに登録されていません。'
              : DIGEST_MESSAGES.forbidden}
          </p>
          <p>
            <a href={adminRoute}>ダッシュボードへ戻る</a>
          </p>
        </div>
      )
    }
    if (!digest) {
      return (
        <div className="esuko-callout" role="alert">
          <p>{DIGEST_MESSAGES.notFound}</p>
        </div>
      )
    }
    return (
      <>
        <ul className="esuko-digest__summary" aria-label="件数">
          <li>ストーリー {digest.stories.length}件</li>
          <li>プラン {digest.plans.length}件</li>
          <li>応援の申し出 {digest.supportOffers.length}件</li>
          <li>つながり {digest.connections.length}件</li>
        </ul>
        <p className="esuko-digest__actions">
          <a className="esuko-digest__download" href={csvHref!} download>
            CSVでダウンロード（Excel対応）
          </a>
        </p>

        <section aria-labelledby="digest-stories">
          <h2 id="digest-stories">えすこストーリー</h2>
          {digest.stories.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">タイトル</th>
                  <th scope="col">関わり</th>
                  <th scope="col">町</th>
                  <th scope="col">公開日</th>
                </tr>
              </thead>
              <tbody>
                {digest.stories.map((s) => (
                  <tr key={String(s.id)} data-digest-story={String(s.id)}>
                    <td>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</td>
                    <td>{s.reasons.map((r) => STORY_REASON_LABELS[r]).join('・')}</td>
                    <td>{s.town ?? ''}</td>
                    <td>{formatDate(s.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>該当するストーリーはありません。</p>
          )}
        </section>

        <section aria-labelledby="digest-plans">
          <h2 id="digest-plans">ウエルビーイングプラン</h2>
          {digest.plans.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">プラン名</th>
                  <th scope="col">種類</th>
                  <th scope="col">状態</th>
                  <th scope="col">関わり</th>
                  <th scope="col">町</th>
                  <th scope="col">公開日</th>
                </tr>
              </thead>
              <tbody>
                {digest.plans.map((p) => (
                  <tr key={String(p.id)} data-digest-plan={String(p.id)}>
                    <td>
                      <a href={p.url}>{p.title}</a>
                    </td>
                    <td>{planKindLabel(p.kind)}</td>
                    <td>{planStatusLabel(p.status)}</td>
                    <td>{p.reasons.map((r) => PLAN_REASON_LABELS[r]).join('・')}</td>
                    <td>{p.town ?? ''}</td>
                    <td>{formatDate(p.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>該当するプランはありません。</p>
          )}
        </section>

        <section aria-labelledby="digest-offers">
          <h2 id="digest-offers">団体としての応援の申し出</h2>
          {digest.supportOffers.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">プラン</th>
                  <th scope="col">種類</th>
                  <th scope="col">メッセージ</th>
                  <th scope="col">日付</th>
                </tr>
              </thead>
              <tbody>
                {digest.supportOffers.map((o) => (
                  <tr key={String(o.id)} data-digest-offer={String(o.id)}>
                    <td>{o.plan?.title ?? '（非公開のプラン）'}</td>
                    <td>{offerKindLabel(o.kind)}</td>
                    <td>{o.message ?? ''}</td>
                    <td>{formatDate(o.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>承認された応援の申し出はありません。</p>
          )}
        </section>

        <section aria-labelledby="digest-connections">
          <h2 id="digest-connections">団体とのつながり</h2>
          <p className="esuko-kpi__note">個人が特定されないよう、相手の名前や経緯の記述は表示しません。</p>
          {digest.connections.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">つながった日</th>
                  <th scope="col">きっかけ</th>
                  <th scope="col">町</th>
                  <th scope="col">関連プラン</th>
                </tr>
              </thead>
              <tbody>
                {digest.connections.map((c) => (
                  <tr key={String(c.id)} data-digest-connection={String(c.id)}>
                    <td>{formatDate(c.connectedAt)}</td>
                    <td>{connectionOriginLabel(c.origin)}</td>
                    <td>{c.town ?? ''}</td>
                    <td>{c.plan?.title ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>記録されたつながりはありません。</p>
          )}
        </section>
      </>
    )
  })()

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={initPageResult.req}
      searchParams={searchParams}
      user={user}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <style>{ESUKO_ADMIN_CSS}</style>
        <div className="esuko-digest">
          <h1>{digest ? `${digest.organisation.name}へのフィードバック` : '団体へのフィードバック'}</h1>
          {digest ? (
            <p className="esuko-kpi__note">
              {digest.period}・{[digest.organisation.town, digest.organisation.district].filter(Boolean).join(' ') || '町の登録なし'}
              ・公開済みの情報だけをまとめています（個人の連絡先は含みません）。
            </p>
          ) : null}
          {organisations.length > 1 ? (
            <nav aria-label="団体の選択">
              <ul className="esuko-digest__choices">
                {organisations.map((o) => (
                  <li key={String(o.id)}>
                    <a href={here({ org: String(o.id) })} aria-current={String(o.id) === orgId ? 'page' : undefined}>
                      {o.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {access === 'ok' ? (
            <nav aria-label="期間の選択">
              <ul className="esuko-digest__choices">
                {[null, currentFy, currentFy - 1].map((y) => (
                  <li key={String(y)}>
                    <a href={here({ fy: y === null ? null : String(y) })} aria-current={y === fiscalYear ? 'page' : undefined}>
                      {y === null ? '全期間' : reiwaLabel(y)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {body}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}

export default DigestView
