import React from 'react'

import { MONTH_LABELS } from '../kpi/catalogue'

/**
 * Server-rendered, dependency-free charts for the admin dashboard. Each chart is one inline SVG with
 * role="img", a <title> and a <desc> holding every figure it draws (also in aria-label), so a screen
 * reader gets the numbers rather than a picture; nothing needs client JavaScript.
 */

const fmt = (n: number, digits = 0) => n.toLocaleString('ja-JP', { maximumFractionDigits: digits, minimumFractionDigits: digits })

type ProgressProps = { id: string; label: string; value: number | null; target: number | null | undefined; unit: string; digits?: number }

/** A progress bar towards a target (role="progressbar" with the figures as its text value). */
export function ProgressBar({ id, label, value, target, unit, digits = 0 }: ProgressProps) {
  const hasTarget = typeof target === 'number' && target > 0
  const ratio = hasTarget && value !== null ? Math.max(0, Math.min(1, value / target)) : 0
  const percent = Math.round(ratio * 100)
  const text =
    value === null
      ? `${label}: データなし`
      : hasTarget
        ? `${label}: ${fmt(value, digits)}${unit}（目標 ${fmt(target, digits)}${unit}、達成率 ${percent}%）`
        : `${label}: ${fmt(value, digits)}${unit}（目標未設定）`
  return (
    <div
      className="esuko-kpi__progress"
      id={id}
      role="progressbar"
      aria-label={`${label}の達成率`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
    >
      <span className="esuko-kpi__progress-fill" style={{ width: `${percent}%` }} />
    </div>
  )
}

type TrendProps = {
  id: string
  title: string
  /** One value per fiscal month (April first); null = no data yet. */
  values: (number | null)[]
  unit: string
  digits?: number
  /** Months after this index (0 = April) lie in the future and are drawn as such. */
  lastMonth?: number
  kind?: 'bars' | 'line'
  /** A horizontal reference line (e.g. last year's share). */
  reference?: { value: number; label: string } | null
}

const W = 320
const H = 120
const PAD = { left: 8, right: 8, top: 12, bottom: 22 }

/** A 12-month trend: monthly bars, or a line for a running figure such as a share. */
export function TrendChart({ id, title, values, unit, digits = 0, lastMonth = 11, kind = 'bars', reference = null }: TrendProps) {
  const finite = values.filter((v): v is number => v !== null)
  const max = Math.max(1, ...finite, reference?.value ?? 0) * (kind === 'line' ? 1.1 : 1)
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const step = plotW / 12
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH
  const x = (i: number) => PAD.left + step * i + step / 2

  const described = values
    .map((v, i) => (i > lastMonth ? null : `${MONTH_LABELS[i]} ${v === null ? 'データなし' : `${fmt(v, digits)}${unit}`}`))
    .filter(Boolean)
    .join('、')
  const summary = `${title}。${described || 'まだデータがありません'}${reference ? `。${reference.label} ${fmt(reference.value, digits)}${unit}` : ''}`
  const points = values.map((v, i) => (v === null || i > lastMonth ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))

  return (
    <svg className="esuko-kpi__chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="esuko-kpi__axis" />
      {reference ? (
        <line x1={PAD.left} x2={W - PAD.right} y1={y(reference.value)} y2={y(reference.value)} className="esuko-kpi__reference" />
      ) : null}
      {kind === 'bars' ? (
        values.map((v, i) => {
          if (i > lastMonth || v === null || v <= 0) return null
          const top = y(v)
          return (
            <rect
              key={i}
              x={x(i) - step * 0.32}
              width={step * 0.64}
              y={top}
              height={PAD.top + plotH - top}
              className="esuko-kpi__bar"
              rx={2}
            />
          )
        })
      ) : (
        <>
          <polyline points={points.filter(Boolean).join(' ')} className="esuko-kpi__line" fill="none" />
          {points.map((p, i) => (p ? <circle key={i} cx={x(i)} cy={y(values[i] as number)} r={2.5} className="esuko-kpi__dot" /> : null))}
        </>
      )}
      {MONTH_LABELS.map((m, i) => (
        <text
          key={m}
          x={x(i)}
          y={H - 6}
          textAnchor="middle"
          className={i > lastMonth ? 'esuko-kpi__month esuko-kpi__month--future' : 'esuko-kpi__month'}
        >
          {m.replace('月', '')}
        </text>
      ))}
    </svg>
  )
}
