// Starts the Payload admin (Next.js, cms/) and the Astro site together: `dev` or `start` (production).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const mode = process.argv[2]
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: node scripts/serve.mjs dev|start')
  process.exit(2)
}

const root = process.cwd()
// One .env at the root feeds both servers (Next alone would look in cms/, Astro not at all).
if (fs.existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'))
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const cmsPort = process.env.CMS_PORT ?? '3000'
// SITE_PORTS=4321,4322 runs one site process per port behind the reverse proxy (deploy/Caddyfile); SITE_PORT one.
const sitePorts = (process.env.SITE_PORTS?.trim() || process.env.SITE_PORT || '4321')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean)
if (!sitePorts.every((p) => /^\d{1,5}$/.test(p) && Number(p) > 0 && Number(p) < 65536) || new Set(sitePorts).size !== sitePorts.length) {
  console.error(
    `起動できません: SITE_PORTS「${process.env.SITE_PORTS}」は重複のないポート番号のカンマ区切りで指定してください（例: 4321,4322）。 / SITE_PORTS must list distinct port numbers.`,
  )
  process.exit(2)
}
if (mode === 'dev' && sitePorts.length > 1) {
  console.error('SITE_PORTS は本番（npm start）用です。開発時は SITE_PORT で1つだけ起動します。 / SITE_PORTS is for npm start only.')
  process.exit(2)
}
const sitePort = sitePorts[0]
const host = process.env.HOST ?? (mode === 'dev' ? 'localhost' : '0.0.0.0')

const env = {
  ...process.env,
  NODE_ENV: mode === 'dev' ? 'development' : 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  ESUKO_ROOT: root,
  ESUKO_DATA_DIR: path.resolve(process.env.ESUKO_DATA_DIR ?? path.join(root, 'data')),
  CMS_PORT: cmsPort,
  SITE_PORT: sitePort,
}

if (mode === 'start') {
  if (!env.PAYLOAD_SECRET?.trim()) {
    console.error(
      [
        '起動できません: 環境変数 PAYLOAD_SECRET が設定されていません。',
        '本番環境では、管理画面と公開サイトが同じ秘密鍵を使う必要があります。32文字以上のランダムな文字列を設定してください。',
        '  例: PAYLOAD_SECRET="$(openssl rand -hex 32)" npm start',
        'Cannot start: PAYLOAD_SECRET is not set. Production needs one shared secret (see README, "Environment").',
      ].join('\n'),
    )
    process.exit(1)
  }
  if (!env.SMTP_URL?.trim()) {
    console.warn(
      '警告: SMTP_URL が設定されていません。メール（パスワード再設定、申し込みの確認、編集者への通知）は送信されません。' +
        ' / Warning: SMTP_URL is not set, no mail will be sent (see README, "E-mail").',
    )
  }
  for (const built of ['cms/.next/BUILD_ID', 'dist/server/entry.mjs']) {
    if (!fs.existsSync(path.join(root, built))) {
      console.error(`起動できません: ${built} がありません。先に npm run build を実行してください。 / Run npm run build first.`)
      process.exit(1)
    }
  }
}

let stopping = false
const run = (command, args, extraEnv = {}) => {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  exited(child)
  // A server that stops unasked says so on stderr, with how (an exit code, or the signal that ended it: SIGKILL
  // from the kernel's OOM killer, SIGABRT from V8 out of heap), whatever else went to its own output.
  child.once('exit', (code, signal) => {
    if (command === bin('payload') || (stopping && (code === 0 || signal === 'SIGTERM' || signal === 'SIGINT'))) return
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        role: 'serve',
        event: 'exit',
        process: args.at(-1),
        port: extraEnv.PORT ? Number(extraEnv.PORT) : undefined,
        pid: child.pid,
        exitCode: code,
        signal,
      }),
    )
  })
  return child
}

// One promise per child, made at spawn, so asking twice never waits for an exit that already happened.
const exits = new WeakMap()
const exited = (child) => {
  if (!exits.has(child)) exits.set(child, new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))))
  return exits.get(child)
}

// Schema and first-run seed happen once, before either server opens the database.
const prepared = await exited(run(bin('payload'), ['run', 'scripts/prepare.ts']))
if (prepared !== 0) {
  console.error('データベースの準備に失敗しました。上のログを確認してください。 / Database preparation failed.')
  process.exit(prepared)
}
// The schema is current: the servers need not each run the migrations again on connect (several site processes
// starting at once on one SQLite file would race for it).
env.ESUKO_SCHEMA_READY = '1'

// V8's young generation, per site process (MB per semi-space; Node's default on this machine is larger): 16 keeps the
// hot pages' CPU per request and ~115 MB less resident memory after a read-heavy bench (README, Performance).
const SITE_SEMI_SPACE_MB = Number(process.env.ESUKO_SITE_SEMI_SPACE_MB ?? 16)
// V8's old generation, per site process (MB). V8 keeps the memory of its highest heap resident, and without a cap lets
// the heap grow far past what is alive under a burst of form posts (each held across a batch commit): with 256 the
// bench's site ends at ~310 MB instead of ~540 MB after 10,000 cheers at scale 1. At scale 10 a cap first ran out of
// heap twice: the sitemap's 50,000-document reads (read in chunks since), then the caches' tag index, which kept an
// empty set for every tag a page had ever read (forgotten with the last entry since). 0 leaves Node's default
// (README, Performance).
const SITE_OLD_SPACE_MB = Number(process.env.ESUKO_SITE_OLD_SPACE_MB ?? 256)
const mbFlag = (flag, mb) => (Number.isInteger(mb) && mb > 0 ? [`--${flag}=${mb}`] : [])
const siteNodeFlags = [...mbFlag('max-semi-space-size', SITE_SEMI_SPACE_MB), ...mbFlag('max-old-space-size', SITE_OLD_SPACE_MB)]
// glibc's malloc arenas, per site process (its default is eight per core): with 2, what libuv's threads free
// (compression, file reads) is reused instead of held in arenas of their own: RSS after the bench's long tail
// 465 → 406 MB. A first A/B also showed a third less CPU per cached read; later runs did not confirm it within the
// host's noise (README, Performance). glibc reads it when the process starts, so it is set in the child's environment.
const SITE_MALLOC_ARENAS = process.env.MALLOC_ARENA_MAX ?? '2'
// The site processes hand their KPI recounts to the admin process's jobs queue (cms/kpi/recountQueue.ts): a recount
// would hold a site process's readers.
const SITE_TALLY_RECOUNT = { ESUKO_TALLY_RECOUNT: 'jobs' }
const startSite = (port) =>
  run(process.execPath, [...siteNodeFlags, 'scripts/site-server.mjs'], {
    PORT: port,
    SITE_PORT: port,
    HOST: host,
    MALLOC_ARENA_MAX: SITE_MALLOC_ARENAS,
    ...SITE_TALLY_RECOUNT,
  })
const children =
  mode === 'dev'
    ? [
        run(bin('next'), ['dev', 'cms', '-p', cmsPort, '-H', host], { ESUKO_JOBS: '1' }),
        run(bin('astro'), ['dev', '--port', sitePort, '--host', host], SITE_TALLY_RECOUNT),
      ]
    : [
        // The admin process alone runs the jobs queue (retention, deletion requests). scripts/cms-server.mjs is
        // `next start` with one JSON log line per request.
        run(process.execPath, ['scripts/cms-server.mjs'], { ESUKO_JOBS: '1', PORT: cmsPort, HOST: host }),
        ...sitePorts.map(startSite),
      ]

console.log(`\nえすこポータル: site ${sitePorts.map((p) => `http://localhost:${p}`).join(' ')}  admin http://localhost:${cmsPort}/admin\n`)

const stopAll = (signal = 'SIGTERM') => {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal))

// With several site processes the proxy sends residents to the others while one is down: a site process that
// dies is started again (at most 5 times a minute per port, then everything stops, as with a single process).
const RESTARTS_PER_MINUTE = 5
const supervise = (index, port) => {
  const restarts = []
  const watch = async (child) => {
    const code = await exited(child)
    if (stopping) return code
    const now = Date.now()
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift()
    if (restarts.length >= RESTARTS_PER_MINUTE) return code
    restarts.push(now)
    console.error(
      JSON.stringify({ time: new Date().toISOString(), role: 'serve', event: 'site-restart', port: Number(port), exitCode: code }),
    )
    await new Promise((r) => setTimeout(r, 500))
    if (stopping) return code
    children[index] = startSite(port)
    return watch(children[index])
  }
  return watch(children[index])
}

// When a server dies for good the others are stopped too, and the exit code says so.
const firstExit = await Promise.race(
  mode === 'start' && sitePorts.length > 1
    ? [exited(children[0]), ...sitePorts.map((port, i) => supervise(i + 1, port))]
    : children.map(exited),
)
stopAll()
await Promise.all(children.map(exited))
process.exit(stopping && firstExit === 0 ? 0 : firstExit)
