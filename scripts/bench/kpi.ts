// Bench step (run with `payload run`): times computeKpis for the current fiscal year, median of 5 (after one warm-up).
import config from '@payload-config'
import { getPayload } from 'payload'

import { fiscalYearOf } from '../../cms/lib/fiscalYear'
import { computeKpis } from '../../cms/lib/kpi'

const payload = await getPayload({ config })
const fy = fiscalYearOf(new Date())
await computeKpis(payload, fy)
const times: number[] = []
for (let i = 0; i < 5; i++) {
  const t0 = performance.now()
  await computeKpis(payload, fy)
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
console.log(`BENCH_KPI ${JSON.stringify({ fiscalYear: fy, medianMs: times[2], runsMs: times })}`)
process.exit(0)
