// node scripts/bench/profile-summary.mjs <file.cpuprofile> [--from s] [--to s] [--top n]
// Summarises a V8 CPU profile (npm run bench -- --profile writes one for the site process): busy time by package
// or bundle chunk, by function (self), and by function including callees. --from/--to keep only the samples taken
// in that window (seconds since the process started), e.g. the long-tail scenario alone.
import fs from 'node:fs'
import { parseArgs } from 'node:util'

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, to: { type: 'string', default: '1e9' }, top: { type: 'string', default: '40' } },
})
if (!positionals[0]) throw new Error('usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [--from s] [--to s] [--top n]')
const prof = JSON.parse(fs.readFileSync(positionals[0], 'utf8'))
const [from, to, topN] = [Number(args.from) * 1e6, Number(args.to) * 1e6, Number(args.top)]
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

const group = (url) => {
  if (!url) return '(vm)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]
  const chunk = /dist\/server\/(.*)/.exec(url)
  if (chunk) return `dist:${chunk[1].replace(/_[A-Za-z0-9-]{8}\.mjs$/, '')}`
  return url.replace(/^file:\/\/\/.*?\/(scripts|site|cms)\//, '$1/')
}
const label = (cf) => `${cf.functionName || '(anonymous)'} ${group(cf.url)}:${cf.lineNumber}`

// Self time per node inside the window, idle left out.
const self = new Map()
let t = prof.startTime
prof.samples.forEach((id, i) => {
  t += prof.timeDeltas[i]
  const at = t - prof.startTime
  if (at < from || at > to || byId.get(id).callFrame.functionName === '(idle)') return
  self.set(id, (self.get(id) ?? 0) + prof.timeDeltas[i])
})
const busy = [...self.values()].reduce((a, b) => a + b, 0)

const byGroup = new Map()
const bySelf = new Map()
const byTotal = new Map()
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us)
for (const [id, us] of self) {
  const cf = byId.get(id).callFrame
  add(byGroup, cf.url ? group(cf.url) : `(vm) ${cf.functionName}`, us)
  add(bySelf, label(cf), us)
  const seen = new Set()
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = label(byId.get(cur).callFrame)
    if (!seen.has(key)) add(byTotal, key, us)
    seen.add(key)
  }
}
const print = (title, map) => {
  console.log(`\n${title}`)
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, topN))
    console.log(`${((us / busy) * 100).toFixed(1).padStart(5)}% ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`)
}
console.log(`busy ${(busy / 1000).toFixed(0)} ms in the window`)
print('by package / chunk (self)', byGroup)
print('by function (self)', bySelf)
print('by function (with callees)', byTotal)
