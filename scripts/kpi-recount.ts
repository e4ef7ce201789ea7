// npm run kpi:recount [-- 2025 2026]: counts every KPI tally of the programme's years (or the years given) again
// from the data. Needed only after writes that bypassed Payload (a restore of an old backup, a manual SQL fix);
// the nightly job does the current and the previous year anyway.
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureSchema } from '../cms/db/ensureSchema'
import { recountTallies } from '../cms/kpi/recountQueue'
import { programmeYears } from '../cms/kpi/tallyStore'

const given = process.argv
  .slice(2)
  .filter((a) => /^\d{4}$/.test(a))
  .map(Number)
const payload = await getPayload({ config })
await ensureSchema(payload)
const years = given.length ? given : programmeYears()
const started = performance.now()
const buckets = await recountTallies(payload, years)
payload.logger.info(
  `KPI集計を数え直しました（${years.join('・')}年度、${buckets} 区分、${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
)
process.exit(0)
