// Bench step (run with `payload run`): the site search engine's server time (cms/lib/search.ts: parse, index query,
// snippets) over queries drawn from the dataset's own words (BENCH_WORDS): single words, their hiragana spelling,
// two words together, single characters, later pages, and words that are nowhere. Three timed rounds after a warm-up.
import config from '@payload-config'
import { getPayload } from 'payload'

import { normaliseSearchText } from '../../cms/domain/searchText'
import { searchSite } from '../../cms/lib/search'
import { BENCH_WORDS } from './dataset-sqlite.mjs'

const payload = await getPayload({ config })
const words: string[] = BENCH_WORDS
const queries: [string, number][] = [
  ...words.map((w): [string, number] => [w, 1]),
  ...words.filter((w) => /[ァ-ヶ]/.test(w)).map((w): [string, number] => [normaliseSearchText(w), 1]),
  ...words.map((w, i): [string, number] => [`${w} ${words[(i * 7 + 3) % words.length]}`, 1]),
  ...words.slice(0, 10).map((w): [string, number] => [[...w][0], 1]),
  ...words.slice(0, 10).map((w): [string, number] => [w, 3]),
  ...['ぴらにあ', 'ズッキーニ畑', 'xyz'].map((w): [string, number] => [w, 1]),
]
const totals: number[] = []
for (const [q, page] of queries) {
  const outcome = await searchSite(payload, q, page)
  if (outcome.status === 'ok') totals.push(outcome.total)
}
const times: number[] = []
const slowest: { q: string; page: number; ms: number }[] = []
for (let round = 0; round < 3; round++) {
  for (const [q, page] of queries) {
    const t0 = performance.now()
    await searchSite(payload, q, page)
    const ms = performance.now() - t0
    times.push(ms)
    slowest.push({ q, page, ms })
  }
}
slowest.sort((a, b) => b.ms - a.ms)
times.sort((a, b) => a - b)
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]
totals.sort((a, b) => a - b)
console.log(
  `BENCH_SEARCH ${JSON.stringify({
    queries: queries.length,
    runs: times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: times[times.length - 1],
    slowest: slowest.slice(0, 8).map((s) => ({ ...s, ms: Math.round(s.ms) })),
    matches: { median: totals[Math.floor(totals.length / 2)], max: totals[totals.length - 1] },
  })}`,
)
process.exit(0)
