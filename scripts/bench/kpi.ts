// Bench step (run with `payload run`): the dataset was written with raw inserts, past Payload's hooks, so first
// every KPI tally is counted again (timed: what the nightly job and `npm run kpi:recount` cost), then
// computeKpis for the current fiscal year is timed, median of 5 (after one warm-up).
import config from '@payload-config'
import { getPayload } from 'payload'

import { fiscalYearOf } from '../../cms/domain/fiscalYear'
import { recountTallies } from '../../cms/kpi/recountQueue'
import { computeKpis } from '../../cms/kpi/report'
import { programmeYears } from '../../cms/kpi/tallyStore'

const payload = await getPayload({ config })
const fy = fiscalYearOf(new Date())
const r0 = performance.now()
const buckets = await recountTallies(payload, programmeYears())
const recountMs = performance.now() - r0
await computeKpis(payload, fy)
const times: number[] = []
for (let i = 0; i < 5; i++) {
  const t0 = performance.now()
  await computeKpis(payload, fy)
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
console.log(`BENCH_KPI ${JSON.stringify({ fiscalYear: fy, medianMs: times[2], runsMs: times, recount: { buckets, ms: recountMs } })}`)
process.exit(0)
