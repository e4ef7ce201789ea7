// npm run bench [-- --scale 1|10|0.1] [--duration 20] [--connections 50] [--no-build] [--no-cache] [--only home,story,…,longtail,storm,search] [--label x] [--keep] [--data dir] [--profile]
//
// --keep leaves the data dir (named in the log) in place; --data <that dir> starts from a copy of its database and
// dataset instead of generating one (about 3 minutes at scale 10): for runs one after another while changing code.
// Cheers of the earlier runs are in it; the page store is not copied (a new process trusts none of it anyway).
//
// --profile: the site process records a V8 CPU profile (ESUKO_CPU_PROFILE_DIR); the file, written when it stops, is named at
// the end (bench/profiles/…): open it in Chrome DevTools or summarise it with scripts/bench/profile-summary.mjs.
//
// Besides one URL at a time: `longtail` asks for a different published story on every request (a crawler, old
// stories shared on LINE), `search` asks /search for a different query of the dataset's words on every request (the
// engine's own server time, p95, is measured first by scripts/bench/search.ts), and `storm` reads 20 popular pages calmly, then again while residents cheer 20 times a
// second (the ふるまい市 moment), and checks that a resident who cheered sees the cheer counted. Each measured run also
// gives the site's event-loop delay (p99/max): how long readers waited behind synchronous work, apart from queueing.
// npm run bench -- --compare a.json b.json
//
// Builds a scale dataset on a throw-away SQLite database, starts the production servers on loopback ports and
// loads them with autocannon next to a bare node:http ceiling. Results go to bench/results/<timestamp>.json.
// Load only ever targets 127.0.0.1 and is bounded in time (--duration) and in count (cheers: one per target).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { BENCH_WORDS, cheersOfStory, cheersPerTarget, countCheers, generateDataset, maxCheerId } from './dataset-sqlite.mjs'
import {
  ALL_TAGS,
  INVALIDATE_PATH,
  invalidationKey,
  PAGE_STORE_PATH,
  SIGNATURE_HEADER,
  signInvalidationWith,
} from '../../cms/lib/cacheProtocol.ts'
import { freePort, waitForUrl } from '../lib/net.mjs'

const root = process.cwd()
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    'no-build': { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
    // Baseline: the site's data and page caches off (ESUKO_SITE_CACHE=0), same build.
    'no-cache': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    profile: { type: 'boolean', default: false },
  },
})

const fmt = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(d))

if (args.compare) {
  const [a, b] = positionals.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
  if (!a || !b) throw new Error('usage: npm run bench -- --compare a.json b.json')
  console.log(
    `A: ${positionals[0]} (scale ${a.scale}, ${a.label || a.startedAt})\nB: ${positionals[1]} (scale ${b.scale}, ${b.label || b.startedAt})`,
  )
  const pct = (x, y) => (x && y ? `${y >= x ? '+' : ''}${fmt(((y - x) / x) * 100)}%` : '')
  console.log(
    `\n${'target'.padEnd(12)} ${'req/s A → B'.padEnd(24)} ${'p50 ms A → B'.padEnd(16)} ${'p99 ms A → B'.padEnd(16)} ${'cold ms A → B'.padEnd(18)} errors A → B`,
  )
  for (const t of Object.keys({ ...a.targets, ...b.targets })) {
    const x = a.targets[t] ?? {}
    const y = b.targets[t] ?? {}
    console.log(
      `${t.padEnd(12)} ${`${fmt(x.rps)} → ${fmt(y.rps)} ${pct(x.rps, y.rps)}`.padEnd(24)} ${`${fmt(x.p50)} → ${fmt(y.p50)}`.padEnd(16)} ${`${fmt(x.p99)} → ${fmt(y.p99)}`.padEnd(16)} ${`${fmt(x.coldMs, 1)} → ${fmt(y.coldMs, 1)}`.padEnd(18)} ${x.errors ?? '—'} → ${y.errors ?? '—'}`,
    )
  }
  console.log(
    `\nKPI median ms: ${fmt(a.kpi?.medianMs, 1)} → ${fmt(b.kpi?.medianMs, 1)}; full tally recount ms: ${fmt(a.kpi?.recount?.ms)} → ${fmt(b.kpi?.recount?.ms)}`,
  )
  for (const p of Object.keys({ ...a.pageSizes, ...b.pageSizes })) {
    console.log(
      `size ${p.padEnd(10)} br ${a.pageSizes?.[p]?.br ?? '—'} → ${b.pageSizes?.[p]?.br ?? '—'} B, gzip ${a.pageSizes?.[p]?.gzip ?? '—'} → ${b.pageSizes?.[p]?.gzip ?? '—'} B`,
    )
  }
  process.exit(0)
}

const scale = Number(args.scale)
const duration = Number(args.duration)
const connections = Number(args.connections)
if (!(scale > 0 && scale <= 10) || !(duration > 0 && duration <= 120) || !(connections > 0 && connections <= 200)) {
  throw new Error('--scale must be in (0, 10], --duration in (0, 120] s, --connections in (0, 200]')
}
const only = args.only ? new Set(args.only.split(',')) : null
const want = (t) => !only || only.has(t)

const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const secret = `bench-secret-${Date.now().toString(36)}-0123456789abcdef0123`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-bench-'))
const dbFile = path.join(dataDir, 'esuko.db')
const DATASET_FILE = 'bench-dataset.json'
if (args.data) {
  const from = path.resolve(args.data)
  if (!fs.existsSync(path.join(from, DATASET_FILE)))
    throw new Error(`--data ${from}: no ${DATASET_FILE} there (a data dir of a run with --keep is expected)`)
  fs.cpSync(from, dataDir, { recursive: true, filter: (src) => path.basename(src) !== 'page-store' })
}
const baseEnv = {
  ...process.env,
  PAYLOAD_SECRET: secret,
  ESUKO_DATA_DIR: dataDir,
  DATABASE_URI: '',
  SEED_ADMIN_PASSWORD: 'bench-demo-password',
  NODE_ENV: 'production',
}
const started = new Date()
const profileDir = args.profile ? path.join(root, 'bench/profiles', started.toISOString().replace(/[:.]/g, '-')) : null
const result = {
  startedAt: started.toISOString(),
  label: args.label,
  cache: !args['no-cache'],
  scale,
  duration,
  connections,
  host: { cpus: os.cpus().length, loadavg: os.loadavg() },
  notes: [],
  targets: {},
  pageSizes: {},
}

const log = (...m) => console.log('[bench]', ...m)

function runStep(command, argv, env = baseEnv, capture = false) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] })
    let out = ''
    child.stdout?.on('data', (d) => (out += d))
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(command)} ${argv.join(' ')} exited with ${code}`)),
    )
  })
}

const rssKb = (pid) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return { rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]), hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) }
  } catch {
    return { rssKb: null, hwmKb: null }
  }
}

/** CPU time (user + system, ms) the process has used so far. */
const cpuMs = (pid) => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // clock ticks (USER_HZ = 100)
  } catch {
    return null
  }
}

/** CPU time (ms) the whole machine has been busy so far (all cores: everything but idle and iowait). */
const machineBusyMs = () => {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number)
    const [user, nice, system, , , irq, softirq, steal] = ticks
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100
  } catch {
    return null
  }
}

/**
 * Where the machine's cores went during a run (ms of CPU a second): the site process, the admin process, this bench
 * (the load generator and the cheers it sends) and everything else. On two cores a reader's p99 is also the time the
 * site's main thread waited for a core.
 */
function cpuShares(pids) {
  const read = () => {
    const own = process.cpuUsage()
    return {
      at: performance.now(),
      site: pids.site ? cpuMs(pids.site) : null,
      admin: pids.admin ? cpuMs(pids.admin) : null,
      bench: (own.user + own.system) / 1000,
      machine: machineBusyMs(),
    }
  }
  const start = read()
  return () => {
    const end = read()
    const seconds = (end.at - start.at) / 1000
    const perSecond = (k) => (start[k] === null || end[k] === null ? null : (end[k] - start[k]) / seconds)
    const shares = { site: perSecond('site'), admin: perSecond('admin'), bench: perSecond('bench'), machine: perSecond('machine') }
    const known = (shares.site ?? 0) + (shares.admin ?? 0) + shares.bench
    return { ...shares, other: shares.machine === null ? null : Math.max(0, shares.machine - known) }
  }
}

/** The pid of the child of serve.mjs that runs a script (scripts/site-server.mjs, scripts/cms-server.mjs). */
function findChildPid(servePid, script) {
  const children = (pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    } catch {
      return []
    }
  }
  for (const pid of children(servePid)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script)) return pid
    } catch {
      // the process ended while we looked
    }
  }
  return null
}

function cannon(opts, onInstance) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections, duration, timeout: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)))
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false })
    onInstance?.(instance)
  })
}

const summarise = (res, accepted = (code) => code >= 200 && code < 400) => {
  const codes = Object.fromEntries(Object.entries(res.statusCodeStats ?? {}).map(([c, v]) => [c, v.count]))
  const bad = Object.entries(codes).reduce((s, [c, n]) => s + (accepted(Number(c)) ? 0 : n), 0)
  return {
    requests: res.requests.total,
    rps: res.requests.total / (res.duration || duration),
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts + bad,
    statusCodes: codes,
  }
}

// The site's own invalidation request (cms/lib/cacheProtocol.ts), used to measure uncached ("cold") server time:
// drop the site cache, then time one request.
const benchKey = invalidationKey(secret)
async function invalidateAll(siteUrl) {
  const body = JSON.stringify({ tags: [ALL_TAGS] })
  try {
    const res = await fetch(`${siteUrl}${INVALIDATE_PATH}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signInvalidationWith(benchKey, body) },
    })
    return res.status === 204
  } catch {
    return false
  }
}

/**
 * The pre-renderer's status. A poll that meets a reset connection is tried again: a kept-alive socket the site closes
 * as the request arrives is no reason to end a half-hour run; a site that is gone still fails after the third try.
 */
async function pageStoreStatus(siteUrl) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(`${siteUrl}${PAGE_STORE_PATH}`)).json()
    } catch (error) {
      if (attempt >= 3) throw error
      log(`page-store status: ${error.cause?.code ?? error.message}, trying again`)
      await sleep(1_000)
    }
  }
}

/**
 * The site's event-loop delay since the previous call (site/lib/loopDelay.ts): what its readers waited behind
 * synchronous work, apart from their turn in a busy process. Called right before a measured run (which starts it over)
 * and right after.
 */
async function loopDelay(siteUrl) {
  return (await pageStoreStatus(siteUrl)).eventLoopDelay ?? null
}

async function coldMs(siteUrl, pathname, samples = 7) {
  const times = []
  for (let i = 0; i < samples; i++) {
    await invalidateAll(siteUrl)
    const t0 = performance.now()
    const res = await fetch(siteUrl + pathname)
    await res.arrayBuffer()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

async function pageSize(siteUrl, pathname) {
  const html = Buffer.from(await (await fetch(siteUrl + pathname)).arrayBuffer())
  const css = []
  for (const m of html.toString('utf8').matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1]
    if (href) css.push(Buffer.from(await (await fetch(new URL(href, siteUrl))).arrayBuffer()))
  }
  const size = (buf) => ({
    gzip: zlib.gzipSync(buf, { level: 6 }).length,
    br: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
  })
  const h = size(html)
  const c = css.reduce(
    (s, b) => {
      const x = size(b)
      return { gzip: s.gzip + x.gzip, br: s.br + x.br }
    },
    { gzip: 0, br: 0 },
  )
  return { htmlBytes: html.length, cssBytes: css.reduce((s, b) => s + b.length, 0), gzip: h.gzip + c.gzip, br: h.br + c.br }
}

let serve
let ceiling
let sitePidForProfile = null
const cleanup = () => {
  if (serve && serve.exitCode === null)
    try {
      process.kill(-serve.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  if (ceiling && ceiling.exitCode === null) ceiling.kill('SIGTERM')
}
process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})

try {
  if (!args['no-build']) {
    log('building (npm run build) …')
    await runStep(process.execPath, ['scripts/build.mjs'], { ...process.env })
  }
  log(`data dir ${dataDir}; migrations + demo seed …`)
  await runStep(bin('payload'), ['run', 'scripts/bench/prepare.ts'])
  let dataset
  if (args.data) {
    dataset = JSON.parse(fs.readFileSync(path.join(dataDir, DATASET_FILE), 'utf8'))
    if (String(dataset.scale) !== String(scale)) throw new Error(`--data holds a scale ${dataset.scale} dataset, not ${scale}`)
    result.notes.push(`dataset copied from ${path.resolve(args.data)} (cheers of earlier runs included)`)
    log(`dataset copied from ${path.resolve(args.data)}`)
  } else {
    log(`generating scale ${scale} dataset (SQLite, raw inserts) …`)
    dataset = { ...generateDataset(dbFile, scale), scale }
    fs.writeFileSync(path.join(dataDir, DATASET_FILE), JSON.stringify(dataset))
  }
  result.dataset = {
    counts: dataset.counts,
    ms: dataset.ms,
    searchIndexMs: dataset.searchIndexMs,
    storySlug: dataset.storySlug,
    eventSlug: dataset.eventSlug,
  }
  log(`dataset: ${JSON.stringify(dataset.counts)} in ${dataset.ms} ms`)

  log('KPI computation (median of 5) …')
  const kpiOut = await runStep(bin('payload'), ['run', 'scripts/bench/kpi.ts'], baseEnv, true)
  result.kpi = JSON.parse(/BENCH_KPI (.+)/.exec(kpiOut)[1])
  log(
    `KPI tallies recounted (${result.kpi.recount.buckets} buckets) in ${fmt(result.kpi.recount.ms)} ms; computeKpis FY${result.kpi.fiscalYear}: median ${fmt(result.kpi.medianMs, 1)} ms`,
  )

  if (want('search')) {
    log('site search engine: server time over the dataset words …')
    const searchOut = await runStep(bin('payload'), ['run', 'scripts/bench/search.ts'], baseEnv, true)
    result.search = JSON.parse(/BENCH_SEARCH (.+)/.exec(searchOut)[1])
    log(
      `search: p50 ${fmt(result.search.p50Ms, 1)} ms, p95 ${fmt(result.search.p95Ms, 1)} ms, max ${fmt(result.search.maxMs, 1)} ms over ${result.search.runs} queries`,
    )
  }

  // The ceiling: a bare node:http hello world in its own process, same Node binary.
  const ceilingPort = await freePort()
  ceiling = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hello world') }).listen(${ceilingPort}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  )
  await waitForUrl(`http://127.0.0.1:${ceilingPort}/`, { timeoutMs: 10_000 })

  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const siteUrl = `http://127.0.0.1:${sitePort}`
  log(`starting production servers: site ${siteUrl}, admin http://127.0.0.1:${cmsPort}`)
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true })
  serve = spawn(process.execPath, ['scripts/serve.mjs', 'start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Bench-only: lifts the per-client form limits (every request comes from 127.0.0.1). Never set in production.
    env: {
      ...baseEnv,
      SITE_PORT: String(sitePort),
      CMS_PORT: String(cmsPort),
      HOST: '127.0.0.1',
      ESUKO_RATE_LIMIT_SCALE: '1000000',
      // The pre-renderer waits for the bench (below): cold renders are measured first, on an idle server.
      ESUKO_PRERENDER_DELAY_MS: String(24 * 3_600_000),
      // Without the long tail no sweep is run here; the cold renders' invalidations would still start one a minute
      // later (site/lib/prerender.ts), in the middle of the storm: a scale-10 sweep lasts 20 minutes.
      ...(want('longtail') ? {} : { ESUKO_PRERENDER: '0' }),
      ...(args['no-cache'] ? { ESUKO_SITE_CACHE: '0' } : {}),
      ...(profileDir ? { ESUKO_CPU_PROFILE_DIR: profileDir } : {}),
    },
  })
  await waitForUrl(`${siteUrl}/`, { timeoutMs: 120_000 })
  result.distBuiltAt = fs.statSync(path.join(root, 'dist/server/entry.mjs')).mtime.toISOString()
  const sitePid = findChildPid(serve.pid, 'site-server.mjs')
  const adminPid = findChildPid(serve.pid, 'cms-server.mjs')
  sitePidForProfile = sitePid
  if (!sitePid) result.notes.push('site pid not found: no RSS figures')

  const pages = {
    home: '/',
    stories: '/stories',
    story: `/stories/${dataset.storySlug}`,
    plans: '/plans',
    event: `/events/${dataset.eventSlug}`,
    progress: '/progress',
  }
  for (const [name, p] of Object.entries(pages)) {
    const res = await fetch(siteUrl + p, { redirect: 'manual' })
    await res.arrayBuffer()
    if (res.status !== 200) {
      result.notes.push(`${name} (${p}) answered ${res.status}: skipped`)
      log(`${name} ${p} → ${res.status}: skipped`)
      delete pages[name]
    }
  }

  if (want('ceiling')) {
    log(`ceiling: ${duration} s × ${connections} connections …`)
    result.targets.ceiling = summarise(await cannon({ url: `http://127.0.0.1:${ceilingPort}/` }))
  }
  // The host's speed moves over minutes (a shared machine: the ceiling ranged 17,898–43,675 req/s between runs of one
  // day), and at scale 10 the pre-render sweep puts half an hour between the first ceiling and the scenarios. So each
  // scenario's share is of a short ceiling measured just before it (`ceilingRps` in its result).
  const ceilingNow = async () =>
    want('ceiling') ? summarise(await cannon({ url: `http://127.0.0.1:${ceilingPort}/`, duration: Math.min(10, duration) })).rps : null
  const share = (rps, ceilingRps) => ({ ceilingRps, ratioToCeiling: ceilingRps ? rps / ceilingRps : null })

  // Cold renders (every cache dropped) first: they would also drop the page store's pages.
  const colds = {}
  for (const [name, p] of Object.entries(pages)) if (want(name)) colds[name] = await coldMs(siteUrl, p)

  // Pages rendered before anyone asks (site/lib/prerender.ts): the first sweep fills the page store, as after a deploy.
  // Only the long tail reads the store (the other scenarios read a few pages, from memory): a run without it is shorter.
  if (!args['no-cache'] && want('longtail')) {
    log('pre-rendering the public detail pages into the page store …')
    const t0 = Date.now()
    const cpu0 = sitePid ? cpuMs(sitePid) : null
    const sweepAndWait = async () => {
      const body = JSON.stringify({ sweep: true })
      const before = (await pageStoreStatus(siteUrl)).sweeps
      await fetch(`${siteUrl}${PAGE_STORE_PATH}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signInvalidationWith(benchKey, body) },
      })
      let st
      do {
        await sleep(1_000)
        st = await pageStoreStatus(siteUrl)
      } while ((st.sweeps <= before || st.sweeping) && Date.now() - t0 < 3 * 3_600_000)
      return st
    }
    let st = await sweepAndWait()
    // A change heard during the sweep (the cold renders' invalidations are repeated 400 ms later: site/lib/cache.ts)
    // schedules a follow-up a minute later, which would walk the whole store again in the middle of the scenarios.
    // It is run now instead, so every scenario meets an idle pre-renderer, as a site some minutes after a deploy.
    const first = { rendered: st.rendered, skipped: st.skipped, wallMs: Date.now() - t0 }
    const siteCpuMs = cpu0 !== null ? cpuMs(sitePid) - cpu0 : null
    const followUps = []
    for (let i = 0; i < 3 && st.nextSweepInMs !== null && st.nextSweepInMs <= 60_000; i++) {
      const [t1, rendered, skipped] = [Date.now(), st.rendered, st.skipped]
      st = await sweepAndWait()
      followUps.push({ rendered: st.rendered - rendered, skipped: st.skipped - skipped, wallMs: Date.now() - t1 })
    }
    result.prerender = {
      ...st,
      first,
      followUps,
      wallMs: Date.now() - t0,
      siteCpuMs,
      siteCpuMsPerPage: siteCpuMs !== null && first.rendered ? siteCpuMs / first.rendered : null,
    }
    log(
      `pre-rendered ${first.rendered} pages (${first.skipped} skipped, ${st.failed} failed) in ${fmt(first.wallMs / 1000)} s; site CPU ${fmt(result.prerender.siteCpuMsPerPage, 1)} ms a page`,
    )
    for (const f of followUps)
      log(`follow-up sweep: ${f.rendered} rendered, ${f.skipped} skipped (still usable) in ${fmt(f.wallMs / 1000)} s`)
  }

  for (const [name, p] of Object.entries(pages)) {
    result.pageSizes[name] = await pageSize(siteUrl, p)
    if (!want(name)) continue
    const cold = colds[name]
    const ceilingRps = await ceilingNow()
    // Warm-up (JIT, caches), not measured.
    await cannon({ url: siteUrl + p, duration: Math.min(3, duration), connections: Math.min(10, connections) })
    log(`${name} ${p}: ${duration} s × ${connections} connections …`)
    await loopDelay(siteUrl)
    const cpu0 = sitePid ? cpuMs(sitePid) : null
    const r = summarise(await cannon({ url: siteUrl + p }))
    const siteCpuMsPerReq = cpu0 !== null ? (cpuMs(sitePid) - cpu0) / r.requests : null
    result.targets[name] = {
      path: p,
      ...r,
      loopDelay: await loopDelay(siteUrl),
      coldMs: cold,
      siteCpuMsPerReq,
      ...(sitePid ? rssKb(sitePid) : {}),
      ...share(r.rps, ceilingRps),
    }
  }

  // The long tail: a different published story on every request, in an order no cache has seen.
  if (want('longtail') && dataset.storySlugs.length) {
    const slugs = [...dataset.storySlugs]
    for (let i = slugs.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[slugs[i], slugs[j]] = [slugs[j], slugs[i]]
    }
    let next = 0
    const ceilingRps = await ceilingNow()
    // No invalidation here: it would drop the page store too. Each story is asked for once or twice in 20 s, so the
    // memory holds almost none of them: they come from the store, or are rendered.
    log(`longtail: ${slugs.length} stories, a different one per request, ${duration} s × ${connections} connections …`)
    await loopDelay(siteUrl)
    const cpu0 = sitePid ? cpuMs(sitePid) : null
    const raw = await cannon({
      url: siteUrl,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/stories/${slugs[next++ % slugs.length]}` }) }],
    })
    const r = summarise(raw)
    result.targets.longtail = {
      path: '/stories/<a different one each time>',
      ...r,
      loopDelay: await loopDelay(siteUrl),
      distinct: Math.min(next, slugs.length),
      siteCpuMsPerReq: cpu0 !== null ? (cpuMs(sitePid) - cpu0) / r.requests : null,
      ...(sitePid ? rssKb(sitePid) : {}),
      ...share(r.rps, ceilingRps),
    }
  }

  // Site search over HTTP: two dataset words and a page per request, few repeats (the page cache rarely helps).
  if (want('search')) {
    let next = 0
    const ceilingRps = await ceilingNow()
    const queryPath = () => {
      const n = next++
      const a = BENCH_WORDS[n % BENCH_WORDS.length]
      const b = BENCH_WORDS[Math.floor(n / BENCH_WORDS.length) % BENCH_WORDS.length]
      const q = a === b ? a : `${a} ${b}`
      return `/search?q=${encodeURIComponent(q)}${n % 3 === 2 ? '&page=2' : ''}`
    }
    log(`search: a different query per request, ${duration} s × ${connections} connections …`)
    const cpu0 = sitePid ? cpuMs(sitePid) : null
    const r = summarise(
      await cannon({ url: siteUrl, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: queryPath() }) }] }),
    )
    result.targets.search = {
      path: '/search?q=<two dataset words>',
      ...r,
      distinct: Math.min(next, BENCH_WORDS.length ** 2 * 3),
      siteCpuMsPerReq: cpu0 !== null ? (cpuMs(sitePid) - cpu0) / r.requests : null,
      ...(sitePid ? rssKb(sitePid) : {}),
      ...share(r.rps, ceilingRps),
    }
  }

  // The storm: 20 popular pages (home, lists and the first stories), calm and then under 20 cheers a second
  // spread over the 20 stories, through one form token (the cheer-once rule holds per target).
  if (want('storm') && dataset.storySlugs.length >= 20) {
    const popularStories = dataset.storySlugs.slice(0, 16)
    const popular = ['/', '/stories', '/plans', '/events', ...popularStories.map((slug) => `/stories/${slug}`)]
    const storyIds = dataset.cheerTargets.stories.slice(0, 16)
    const readAll = (d) => {
      let i = 0
      return cannon({
        url: siteUrl,
        duration: d,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: popular[i++ % popular.length] }) }],
      })
    }
    for (const p of popular) await (await fetch(siteUrl + p)).arrayBuffer()
    const ceilingRps = await ceilingNow()
    await readAll(Math.min(3, duration))
    log(`storm: 20 popular pages calm, ${duration} s × ${connections} connections …`)
    // Site CPU per read, calm and in the storm: on a shared machine a steadier figure than req/s.
    await loopDelay(siteUrl)
    const calmCpu0 = sitePid ? cpuMs(sitePid) : null
    const calmShares = cpuShares({ site: sitePid, admin: adminPid })
    const calm = summarise(await readAll(duration))
    calm.cpuShares = calmShares()
    calm.siteCpuMsPerReq = calmCpu0 !== null ? (cpuMs(sitePid) - calmCpu0) / calm.requests : null
    calm.loopDelay = await loopDelay(siteUrl)
    const html = await (await fetch(`${siteUrl}/stories/${popularStories[0]}`)).text()
    const token = /name="_t"[^>]*value="([^"]+)"/.exec(html)?.[1]
    await sleep(3_200)
    // Every cheer from its own loopback address (the site trusts X-Forwarded-For from loopback), so the
    // once-per-target-per-day rule does not refuse the storm's repeats.
    const cheers = { sent: 0, accepted: 0, statuses: {} }
    let stormOver = false
    const inFlight = new Set()
    const cheerLoop = (async () => {
      const started = Date.now()
      while (!stormOver) {
        const n = cheers.sent++
        const id = storyIds[n % storyIds.length]
        const slug = popularStories[n % popularStories.length]
        const address = `127.${1 + ((n >> 16) & 0xff)}.${(n >> 8) & 0xff}.${n & 0xff}`
        const sent = fetch(`${siteUrl}/stories/${slug}?_action=cheer`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl, 'x-forwarded-for': address },
          body: new URLSearchParams({ targetType: 'stories', target: String(id), _t: token ?? '', website: '' }).toString(),
        }).then(
          (res) => {
            void res.body?.cancel()
            if (res.status === 303) cheers.accepted++
            else cheers.statuses[res.status] = (cheers.statuses[res.status] ?? 0) + 1
          },
          (error) => {
            const why = `network: ${error.cause?.code ?? error.message}`
            cheers.statuses[why] = (cheers.statuses[why] ?? 0) + 1
          },
        )
        inFlight.add(sent)
        void sent.finally(() => inFlight.delete(sent))
        await sleep(Math.max(0, started + cheers.sent * 50 - Date.now()))
      }
    })()
    log(`storm: the same pages while residents cheer 20 times a second …`)
    // Also starts the event-loop delay over (as loopDelay does).
    const rendersBefore = (await pageStoreStatus(siteUrl)).backgroundRenders
    const stormCpu0 = sitePid ? cpuMs(sitePid) : null
    const stormShares = cpuShares({ site: sitePid, admin: adminPid })
    const storm = summarise(await readAll(duration))
    storm.cpuShares = stormShares()
    // Everything the site did in the storm (reads, cheers, background renders), per read served.
    storm.siteCpuMsPerReq = stormCpu0 !== null ? (cpuMs(sitePid) - stormCpu0) / storm.requests : null
    const status = await pageStoreStatus(siteUrl)
    storm.loopDelay = status.eventLoopDelay ?? null
    // The stale pages rendered again behind the readers (site/lib/pageCache.ts), and the most at once.
    if (rendersBefore && status.backgroundRenders)
      storm.backgroundRenders = {
        done: status.backgroundRenders.done - rendersBefore.done,
        mostAtOnce: status.backgroundRenders.mostAtOnce,
        // New cheer counts written into kept pages without a render (site/lib/liveCounts.ts).
        countWrites: (status.backgroundRenders.countWrites ?? 0) - (rendersBefore.countWrites ?? 0),
      }
    stormOver = true
    await cheerLoop
    await Promise.allSettled([...inFlight])
    await sleep(1_000)
    // A resident cheers once more and returns to the page: the answer to their cheer set the esuko_fresh cookie, so
    // the page is rendered for them and shows the stored count, their cheer included. Other readers get the shared
    // copy, rendered again behind them on the page's budget: how long it takes to show the stored count is measured.
    const answer = await fetch(`${siteUrl}/stories/${popularStories[0]}?_action=cheer`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl, 'x-forwarded-for': '127.254.254.254' },
      body: new URLSearchParams({ targetType: 'stories', target: String(storyIds[0]), _t: token ?? '', website: '' }).toString(),
    })
    await answer.arrayBuffer()
    const cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const countOn = async (slug, headers = {}) =>
      Number(
        /data-cheer-count>([\d,]+)</.exec(await (await fetch(`${siteUrl}/stories/${slug}`, { headers })).text())?.[1]?.replace(/,/g, '') ??
          NaN,
      )
    const stored = cheersOfStory(dbFile, storyIds[0])
    const shown = answer.status === 303 && cookie ? await countOn(popularStories[0], { cookie }) : NaN
    const sharedSince = Date.now()
    let sharedMs = null
    while (sharedMs === null && Date.now() - sharedSince < 15_000) {
      if ((await countOn(popularStories[0])) === stored) sharedMs = Date.now() - sharedSince
      else await sleep(250)
    }
    result.targets['storm-calm'] = { path: '20 popular pages', ...calm, ...share(calm.rps, ceilingRps) }
    result.targets.storm = {
      path: '20 popular pages, 20 cheers/s',
      ...storm,
      ...(sitePid ? rssKb(sitePid) : {}),
      ...share(storm.rps, ceilingRps),
      ofCalm: storm.rps / calm.rps,
      cheers,
      cheerShown: shown,
      cheerStored: stored,
      sharedCopyCountedMs: sharedMs,
    }
  }

  if (want('cheer') && pages.story) {
    // A valid form token must be at least 3 s old: take it from the page, then wait.
    const html = await (await fetch(siteUrl + pages.story)).text()
    const token = /name="_t"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*name="_t"/.exec(html)?.[1]
    if (!token) {
      result.notes.push('cheer: no _t token on the story page: skipped')
    } else {
      const ceilingRps = await ceilingNow()
      await sleep(3_200)
      // One cheer per target (the once-per-target-per-day rule holds for the single bench client), spread
      // over every public story, citizen and plan; bounded by the target count and by --duration.
      const list = [
        ...dataset.cheerTargets.stories.map((id) => ['stories', id]),
        ...dataset.cheerTargets.citizens.map((id) => ['citizens', id]),
        ...dataset.cheerTargets.plans.map((id) => ['plans', id]),
      ]
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1))
        ;[list[i], list[j]] = [list[j], list[i]]
      }
      let next = 0
      const before = countCheers(dbFile)
      const beforeId = maxCheerId(dbFile)
      const acceptedTargets = []
      log(`cheer POST: up to ${list.length} targets, ${duration} s × ${connections} connections …`)
      const cheerPath = `${pages.story}?_action=cheer`
      const cpu0 = sitePid ? cpuMs(sitePid) : null
      let instance
      let stopping = false
      const raw = await cannon(
        {
          url: siteUrl,
          requests: [
            {
              method: 'POST',
              path: cheerPath,
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl },
              setupRequest: (req, context) => {
                // Every target used once: stop (the few requests still under way repeat one and get a 409).
                if (next >= list.length && !stopping) {
                  stopping = true
                  setImmediate(() => instance.stop())
                }
                const [type, id] = list[next++ % list.length]
                context.target = `${type}:${id}`
                return { ...req, body: new URLSearchParams({ targetType: type, target: String(id), _t: token, website: '' }).toString() }
              },
              onResponse: (status, _body, context) => {
                if (status === 303) acceptedTargets.push(context.target)
              },
            },
          ],
        },
        (i) => (instance = i),
      )
      // Accepted cheers answer 303 (redirect back to the page); a refused one (dedupe, limit) a 4xx.
      // 409 is the once-per-target-per-day rule refusing a repeat: correct, so neither accepted nor an error.
      const r = summarise(raw, (code) => code === 303 || code === 409)
      const elapsed = raw.duration || duration
      const accepted = r.statusCodes['303'] ?? 0
      const siteCpuMsPerReq = cpu0 !== null ? (cpuMs(sitePid) - cpu0) / raw.requests.total : null
      await sleep(500)
      const stored = countCheers(dbFile) - before
      // Exactly once: every target whose cheer was accepted has exactly one new cheer, no target has two, and
      // the only extra rows are requests still under way when the client stopped (at most one per connection).
      const perTarget = cheersPerTarget(dbFile, beforeId)
      const missing = acceptedTargets.filter((t) => perTarget.get(t) !== 1).length
      const doubled = [...perTarget.values()].filter((n) => n > 1).length
      const inFlight = stored - acceptedTargets.length
      result.targets.cheer = {
        path: cheerPath,
        ...r,
        rps: accepted / elapsed,
        attempted: raw.requests.total,
        accepted,
        duplicates: r.statusCodes['409'] ?? 0,
        stored,
        inFlight,
        missing,
        doubled,
        exactlyOnce: missing === 0 && doubled === 0 && inFlight >= 0 && inFlight <= connections,
        siteCpuMsPerReq,
        ...(sitePid ? rssKb(sitePid) : {}),
        ...share(accepted / elapsed, ceilingRps),
      }
      if (stopping) result.notes.push(`cheer: all ${list.length} targets used before --duration ended (one cheer per target per day)`)
    }
  }
  // The site's own view of its memory after everything (V8 heap vs. the rest of RSS), and the page store's work.
  try {
    const st = await pageStoreStatus(siteUrl)
    result.siteAtEnd = { ...(sitePid ? rssKb(sitePid) : {}), ...st }
    const mb = (n) => fmt(n / 1048576)
    log(
      `site at the end: RSS ${mb(st.memory.rss)} MB (V8 heap ${mb(st.memory.heapUsed)} of ${mb(st.memory.heapTotal)} MB, external ${mb(st.memory.external)} MB); pre-renderer: ${st.rendered} rendered in ${st.sweeps} sweeps`,
    )
  } catch (error) {
    result.notes.push(`site status at the end: ${error.message}`)
  }
  // dist/ is shared with the working tree: a rebuild while the site runs breaks lazily loaded chunks.
  if (result.distBuiltAt && fs.statSync(path.join(root, 'dist/server/entry.mjs')).mtime.toISOString() !== result.distBuiltAt) {
    result.notes.push('dist/ was rebuilt during the run (another build?): figures after that point are not valid')
  }
} finally {
  cleanup()
  await sleep(500)
  // A long run's profile takes the site a few seconds to write as it stops.
  for (let i = 0; profileDir && sitePidForProfile && i < 60; i++) {
    if (fs.existsSync(profileDir) && fs.readdirSync(profileDir).some((f) => f.includes(`.${sitePidForProfile}.`))) break
    await sleep(500)
  }
  if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true })
}

// Report
console.log(
  `\nEsuko bench — scale ${scale}, ${duration} s × ${connections} connections, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
console.log(
  `${'target'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'cold ms'.padStart(8)} ${'errors'.padStart(7)} ${'RSS MB'.padStart(7)} ${'÷ceiling'.padStart(9)} ${'ceiling'.padStart(8)} ${'CPU ms/req'.padStart(10)} ${'loop p99/max'.padStart(12)} ${'GC ms (full)'.padStart(13)}`,
)
for (const [name, t] of Object.entries(result.targets)) {
  console.log(
    `${name.padEnd(10)} ${fmt(t.rps).padStart(8)} ${fmt(t.p50).padStart(7)} ${fmt(t.p99).padStart(7)} ${fmt(t.coldMs, 1).padStart(8)} ${String(t.errors).padStart(7)} ${fmt(t.rssKb ? t.rssKb / 1024 : null).padStart(7)} ${(t.ratioToCeiling ? `${fmt(t.ratioToCeiling * 100, 1)}%` : '').padStart(9)} ${(t.ceilingRps ? fmt(t.ceilingRps) : '').padStart(8)} ${fmt(t.siteCpuMsPerReq, 2).padStart(10)} ${(t.loopDelay ? `${fmt(t.loopDelay.p99Ms)}/${fmt(t.loopDelay.maxMs)}` : '').padStart(12)} ${(t.loopDelay?.gc ? `${fmt(t.loopDelay.gc.ms)} (${fmt(t.loopDelay.gc.majorMs)})` : '').padStart(13)}`,
  )
}
if (result.targets.storm) {
  const s = result.targets.storm
  console.log(
    `storm: ${fmt(s.ofCalm * 100, 1)}% of the calm throughput; cheers ${s.cheers.sent} sent, ${s.cheers.accepted} accepted ${JSON.stringify(s.cheers.statuses)}; ` +
      (s.backgroundRenders
        ? `${s.backgroundRenders.done} background renders (at most ${s.backgroundRenders.mostAtOnce} at once), ${s.backgroundRenders.countWrites} counts written in; `
        : '') +
      `the resident who cheered sees ${s.cheerShown} cheers, ${s.cheerStored} stored → ${s.cheerShown === s.cheerStored ? 'counted' : 'MISMATCH'}; the shared copy shows it after ${s.sharedCopyCountedMs === null ? 'more than 15 s' : `${s.sharedCopyCountedMs} ms`}`,
  )
}
for (const name of ['storm-calm', 'storm']) {
  const c = result.targets[name]?.cpuShares
  if (c)
    console.log(
      `${name}: CPU ms a second — site ${fmt(c.site)}, admin ${fmt(c.admin)}, bench (load and cheers) ${fmt(c.bench)}, other ${fmt(c.other)}; machine ${fmt(c.machine)} of ${os.cpus().length * 1000}`,
    )
}
if (result.targets.cheer) {
  const c = result.targets.cheer
  console.log(
    `cheers: ${c.attempted} answered, ${c.accepted} accepted (303), ${c.duplicates} refused as repeats (409), ${c.stored} stored ` +
      `(${c.inFlight} still under way at stop), ${c.missing} accepted but not stored once, ${c.doubled} targets doubled → ` +
      (c.exactlyOnce ? 'every accepted cheer counted exactly once' : 'MISMATCH'),
  )
}
console.log(
  `KPI computeKpis FY${result.kpi?.fiscalYear}: median ${fmt(result.kpi?.medianMs, 1)} ms (5 runs, from the tallies); full recount of ${result.kpi?.recount?.buckets ?? '—'} tally buckets: ${fmt(result.kpi?.recount?.ms)} ms`,
)
for (const [name, s] of Object.entries(result.pageSizes)) {
  console.log(
    `size ${name.padEnd(9)} HTML ${s.htmlBytes} B + CSS ${s.cssBytes} B → gzip ${fmt(s.gzip / 1024, 1)} KB, br ${fmt(s.br / 1024, 1)} KB`,
  )
}
if (result.search)
  console.log(
    `site search engine (scripts/bench/search.ts): p50 ${fmt(result.search.p50Ms, 1)} ms, p95 ${fmt(result.search.p95Ms, 1)} ms, max ${fmt(result.search.maxMs, 1)} ms; ${result.search.runs} queries, median ${result.search.matches?.median} matches`,
  )
if (profileDir && sitePidForProfile) {
  const file = (fs.existsSync(profileDir) ? fs.readdirSync(profileDir) : []).find((f) => f.includes(`.${sitePidForProfile}.`))
  result.profile = file ? path.relative(root, path.join(profileDir, file)) : null
  if (!file) result.notes.push(`no CPU profile of the site process (pid ${sitePidForProfile}) in ${profileDir}`)
  else console.log(`site CPU profile: ${result.profile} (node scripts/bench/profile-summary.mjs ${result.profile})`)
}
for (const note of result.notes) console.log(`note: ${note}`)
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
const out = path.join(root, 'bench/results', `${started.toISOString().replace(/[:.]/g, '-')}${args.label ? `-${args.label}` : ''}.json`)
fs.writeFileSync(out, JSON.stringify(result, null, 2))
console.log(`\nresults: ${path.relative(root, out)}`)
process.exit(0)
