import type { APIRoute } from 'astro'

import { buildDataset, currentFiscalYear, datasetCsv, datasetJson, getPublicKpis, isDatasetKey, parseFiscalYear } from '../../lib/kpi'

/** /open-data/{summary|monthly|towns|themes}.{csv|json}?fy=2025 — aggregate counts only, small-cell rule applied. */
export const GET: APIRoute = async ({ params, url }) => {
  const { dataset, format } = params
  const asked = url.searchParams.get('fy')
  const fy = asked ? parseFiscalYear(asked) : currentFiscalYear()
  if (!isDatasetKey(dataset) || (format !== 'csv' && format !== 'json') || fy === null) {
    return new Response('データが見つかりません（年度・データ名・形式をご確認ください）。', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const report = await getPublicKpis(fy)
  const table = buildDataset(report, dataset)
  const filename = `esuko-${dataset}-FY${fy}.${format}`
  const headers = {
    'Content-Disposition': `inline; filename="${filename}"`,
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
    'X-Robots-Tag': 'noindex',
  }
  if (format === 'csv') return new Response(datasetCsv(table), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
  return new Response(JSON.stringify(datasetJson(report, table), null, 2), {
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
  })
}
