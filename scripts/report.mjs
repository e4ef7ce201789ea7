// npm run report -- --fy 2025 [--out reports/x.pdf] [--site-url http://localhost:4321]
// Writes the A4 事業実施報告書 PDF (default reports/esuko-report-FY2025.pdf). Without --site-url / SITE_URL it
// starts the production site server (building the public site first if there is no build yet) on a free port
// against the configured database.
import { parseArgs } from 'node:util'

import { generateReport } from './report-pdf.mjs'

const fiscalYearNow = () => {
  const tokyo = new Date(Date.now() + 9 * 3_600_000)
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1
}

const { values } = parseArgs({ options: { fy: { type: 'string' }, out: { type: 'string' }, 'site-url': { type: 'string' } } })
const fy = values.fy ? Number(values.fy) : fiscalYearNow() - 1
if (!Number.isInteger(fy) || fy < 2000 || fy > 2100) {
  console.error('usage: npm run report -- --fy 2025 [--out file.pdf] [--site-url URL]')
  process.exit(2)
}
try {
  const result = await generateReport({ fy, siteUrl: values['site-url'] ?? process.env.SITE_URL, outFile: values.out })
  console.log(
    `事業実施報告書（${fy}年度）を書き出しました: ${result.file}（${Math.round(result.bytes / 1024)} KB、${(result.ms / 1000).toFixed(1)} 秒）`,
  )
} catch (error) {
  console.error(`報告書を作れませんでした: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
