// npm run load:submissions — "nothing lost": sends mixed public-form submissions to the site on 127.0.0.1 and
// checks that every acknowledged one (303 redirect) is stored; then the same while the site process is killed
// (SIGKILL) and restarted in the middle. Prints acknowledged, refused by reason, stored, duration and req/s.
//
//   LOAD_TOTAL=5000 LOAD_CONCURRENCY=50 npm run load:submissions
//
// Starts its own production servers on a fresh database (the admin with `next start`, the site with
// `node scripts/site-server.mjs`, so the site alone can be killed); needs `npm run build` first. With SITE_URL and
// CMS_URL set it uses running servers instead (the kill phase is then skipped). The site it starts has
// ESUKO_RATE_LIMIT_SCALE raised: all submissions come from one machine.
// Each cheer comes from its own loopback address (127.0.x.y), so every (client, target) pair is distinct.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { TOWNS } from '../cms/domain/options.ts'
import { freePort, waitForUrl } from './lib/net.mjs'

const TOTAL = Number(process.env.LOAD_TOTAL ?? 5000)
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50)
const KILL = process.env.LOAD_KILL !== '0'
const EDITOR = { email: 'editor@esuko.example', password: process.env.SEED_ADMIN_PASSWORD ?? 'e2e-demo-password' }
const root = process.cwd()
const COLLECTIONS = ['plans', 'support-offers', 'cheers', 'survey-responses', 'event-registrations']

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The admin (Next) and the site (Astro) as separate processes on a fresh seeded database. */
export async function startServers({ quiet = true } = {}) {
  for (const built of ['cms/.next/BUILD_ID', 'dist/server/entry.mjs'])
    if (!fs.existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build first`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esuko-load-'))
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'load-secret-0123456789abcdef0123456789',
    ESUKO_ROOT: root,
    ESUKO_DATA_DIR: dataDir,
    ESUKO_SEED_DEMO: '1',
    SEED_ADMIN_PASSWORD: EDITOR.password,
    DATABASE_URI: '',
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    HOST: '127.0.0.1',
  }
  const stdio = ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
  const bin = (name) => path.join(root, 'node_modules', '.bin', name)
  const prepare = spawn(bin('payload'), ['run', 'scripts/prepare.ts'], { cwd: root, env, stdio })
  const code = await new Promise((r) => prepare.once('exit', r))
  if (code !== 0) throw new Error(`prepare failed (${code})`)
  const cms = spawn(bin('next'), ['start', 'cms', '-p', String(cmsPort), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...env, ESUKO_JOBS: '1' },
    stdio,
    detached: true,
  })
  const siteEnv = { ...env, PORT: String(sitePort), ESUKO_RATE_LIMIT_SCALE: process.env.ESUKO_RATE_LIMIT_SCALE ?? '100000' }
  const startSite = () => spawn(process.execPath, ['scripts/site-server.mjs'], { cwd: root, env: siteEnv, stdio })
  const servers = {
    siteUrl: `http://127.0.0.1:${sitePort}`,
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    site: startSite(),
    /** SIGKILL the site process and start it again; resolves once it answers. */
    async killAndRestartSite(downMs = 500) {
      servers.site.kill('SIGKILL')
      await new Promise((r) => (servers.site.exitCode !== null || servers.site.signalCode ? r() : servers.site.once('exit', r)))
      await sleep(downMs)
      servers.site = startSite()
      await waitForUrl(`${servers.siteUrl}/robots.txt`, { timeoutMs: 60_000, child: servers.site })
    },
    async stop() {
      if (servers.site.exitCode === null) servers.site.kill('SIGTERM')
      if (cms.exitCode === null) {
        try {
          process.kill(-cms.pid, 'SIGTERM')
        } catch {
          // gone
        }
        await new Promise((r) => (cms.exitCode !== null ? r() : cms.once('exit', r)))
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  await waitForUrl(`${servers.siteUrl}/robots.txt`, { timeoutMs: 90_000, child: servers.site })
  await waitForUrl(`${servers.cmsUrl}/api/users/me`, { timeoutMs: 90_000, child: cms })
  return servers
}

async function editorJwt(cmsUrl) {
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EDITOR),
  })
  if (!res.ok) throw new Error(`editor login failed: ${res.status}`)
  return (await res.json()).token
}

async function countAll(cmsUrl, jwt) {
  const out = {}
  for (const c of COLLECTIONS) {
    const res = await fetch(`${cmsUrl}/api/${c}?limit=1&depth=0`, { headers: { authorization: `JWT ${jwt}` } })
    if (!res.ok) throw new Error(`count ${c}: ${res.status}`)
    out[c] = (await res.json()).totalDocs
  }
  return out
}

async function editorCreate(cmsUrl, jwt, collection, data) {
  const res = await fetch(`${cmsUrl}/api/${collection}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${jwt}` },
    body: JSON.stringify(data),
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`create ${collection}: ${res.status} ${JSON.stringify(body)}`)
  return body.doc
}

/** One POST as the browser sends it; resolves { status, location, error }. */
function post(siteUrl, pathname, fields, localAddress) {
  const url = new URL(pathname, siteUrl)
  const body = new URLSearchParams(fields).toString()
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { Origin: siteUrl, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, text }))
        res.on('error', (e) => resolve({ status: 0, error: e.code ?? String(e) }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }))
    req.end(body)
  })
}

/** The refusal's Japanese message, for the "refused by reason" figures. */
const reasonOf = (r) => {
  if (r.status === 0) return `connection: ${r.error}`
  const m = /role="alert"[^>]*>(?:\s*<p>)?(?:<strong>)?([^<]{1,80})/.exec(r.text ?? '')
  return `${r.status} ${m ? m[1].trim() : ''}`.trim()
}

/**
 * Sends `total` mixed submissions with bounded concurrency. `midway` (optional) runs once, when half of them
 * have been sent, while the others keep going (the kill test).
 */
export async function runLoad({ siteUrl, cmsUrl, total = TOTAL, concurrency = CONCURRENCY, midway, log = console.log, addressOffset = 0 }) {
  const jwt = await editorJwt(cmsUrl)
  const plan = await editorCreate(cmsUrl, jwt, 'plans', {
    kind: 'challenge',
    title: `負荷試験のプラン ${Date.now()}`,
    description: '試験用',
    town: '大東町',
    status: 'published',
  })
  const now = Date.now()
  const event = await editorCreate(cmsUrl, jwt, 'events', {
    title: `負荷試験のイベント ${now}`,
    kind: 'other',
    startsAt: new Date(now + 14 * 864e5).toISOString(),
    registrationOpensAt: new Date(now - 864e5).toISOString(),
    registrationClosesAt: new Date(now + 7 * 864e5).toISOString(),
    _status: 'published',
  })
  const tokenPage = await (await fetch(`${siteUrl}/survey`)).text()
  const token = /name="_t" value="([^"]+)"/.exec(tokenPage)?.[1]
  if (!token) throw new Error('no _t token on /survey')
  await sleep(3_100) // the form guard's minimum fill time; the token then serves every submission

  const kinds = ['plan', 'support', 'cheer', 'survey', 'register']
  const jobs = Array.from({ length: total }, (_, i) => {
    const kind = kinds[i % kinds.length]
    const town = TOWNS[i % TOWNS.length]
    const guard = { _t: token, website: '' }
    switch (kind) {
      case 'plan':
        return {
          kind,
          collection: 'plans',
          path: '/plans/new?_action=submitPlan',
          fields: {
            kind: 'want_to_try',
            title: `負荷プラン${i}`,
            description: 'ためしに',
            town,
            nickname: 'えすこ',
            email: `load${i}@example.jp`,
            consent: 'on',
            ...guard,
          },
        }
      case 'support':
        return {
          kind,
          collection: 'support-offers',
          path: `/plans/${plan.id}?_action=offerSupport`,
          fields: { plan: String(plan.id), kind: 'cheer', nickname: 'おうえん', email: `load${i}@example.jp`, consent: 'on', ...guard },
        }
      case 'cheer': {
        // A distinct client per cheer (127.0.x.y): the once-a-day rule is per client and target.
        const n = addressOffset + i + 2
        return {
          kind,
          collection: 'cheers',
          path: `/plans/${plan.id}?_action=cheer`,
          fields: { targetType: 'plans', target: String(plan.id), message: '', ...guard },
          localAddress: `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        }
      }
      case 'survey':
        return {
          kind,
          collection: 'survey-responses',
          path: '/survey?_action=answerSurvey',
          fields: { answer: String((i % 5) + 1), town, ageBand: '40s', ...guard },
        }
      default:
        return {
          kind,
          collection: 'event-registrations',
          path: `/events/${event.slug}?_action=registerForEvent`,
          fields: { event: String(event.id), nickname: 'さんか', partySize: '1', town, phone: '0854-00-0000', consent: 'on', ...guard },
        }
    }
  })

  const before = await countAll(cmsUrl, jwt)
  const acknowledged = Object.fromEntries(COLLECTIONS.map((c) => [c, 0]))
  const refused = {}
  const statuses = {}
  let sent = 0
  let midwayPromise
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]
        if (midway && !midwayPromise && sent >= jobs.length / 2) midwayPromise = midway()
        sent++
        const r = await post(siteUrl, job.path, job.fields, job.localAddress)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        if (r.status === 303 && /^\/(thanks\/|plans\/\d+\?cheered=1)/.test(r.location ?? '')) acknowledged[job.collection]++
        else {
          const reason = `${job.kind}: ${reasonOf(r)}`
          refused[reason] = (refused[reason] ?? 0) + 1
        }
      }
    }),
  )
  await midwayPromise
  const seconds = (performance.now() - started) / 1000
  const after = await countAll(cmsUrl, jwt)
  const stored = Object.fromEntries(COLLECTIONS.map((c) => [c, after[c] - before[c]]))
  const ackTotal = Object.values(acknowledged).reduce((a, b) => a + b, 0)
  const storedTotal = Object.values(stored).reduce((a, b) => a + b, 0)
  const result = {
    sent: total,
    acknowledged: ackTotal,
    stored: storedTotal,
    byCollection: Object.fromEntries(COLLECTIONS.map((c) => [c, { acknowledged: acknowledged[c], stored: stored[c] }])),
    statuses,
    refused,
    seconds: Number(seconds.toFixed(1)),
    reqPerSec: Number((total / seconds).toFixed(1)),
  }
  log(JSON.stringify(result, null, 2))
  return result
}

// ---------------------------------------------------------------------------------------------------

if (import.meta.url === `file://${process.argv[1]}`) {
  const external = process.env.SITE_URL && process.env.CMS_URL
  const servers = external ? { siteUrl: process.env.SITE_URL, cmsUrl: process.env.CMS_URL, stop: async () => {} } : await startServers()
  let failed = false
  try {
    console.log(`\n== 1. ${TOTAL} submissions, concurrency ${CONCURRENCY}, ${servers.siteUrl}`)
    const steady = await runLoad({ ...servers })
    // Stored may exceed acknowledged only by answers lost with the connection; here nothing is killed.
    if (steady.stored !== steady.acknowledged) {
      failed = true
      console.error(`NG: acknowledged ${steady.acknowledged} ≠ stored ${steady.stored}`)
    } else console.log(`OK: acknowledged ${steady.acknowledged} = stored ${steady.stored}`)

    if (KILL && !external) {
      console.log(`\n== 2. ${TOTAL} submissions, the site process SIGKILLed and restarted halfway`)
      const restart = { at: 0, ms: 0 }
      const killed = await runLoad({
        ...servers,
        addressOffset: TOTAL,
        midway: async () => {
          const t = performance.now()
          restart.at = Date.now()
          await servers.killAndRestartSite()
          restart.ms = Math.round(performance.now() - t)
          console.log(`site killed (SIGKILL) and back after ${restart.ms} ms`)
        },
      })
      // Every acknowledged submission must be stored. A submission whose answer was lost with the killed
      // process may be stored without an acknowledgement (the resident sees an error and may send it again).
      const lost = Object.entries(killed.byCollection).filter(([, v]) => v.stored < v.acknowledged)
      if (lost.length) {
        failed = true
        console.error(`NG: acknowledged but not stored: ${JSON.stringify(lost)}`)
      } else
        console.log(
          `OK: every acknowledged submission is stored (acknowledged ${killed.acknowledged}, stored ${killed.stored}, restart ${restart.ms} ms)`,
        )
    }
  } finally {
    await servers.stop()
  }
  process.exit(failed ? 1 : 0)
}
