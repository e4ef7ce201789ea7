// Renders the printable 事業実施報告書 (/report/<fy>) to an A4 PDF with Debian's Chromium (playwright-core).
// Used by `npm run report` (scripts/report.mjs) and by tests/e2e/report.test.ts, so both run the same code.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { chromium } from 'playwright-core'
import { freePort } from './lib/net.mjs'

const root = process.cwd()
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Where `npm run report -- --fy 2025` writes by default (reports/ is git-ignored). */
export const defaultReportPath = (fy) => path.join(root, 'reports', `esuko-report-FY${fy}.pdf`)

const exitOf = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))

/** The production secret from the environment, else the development one in data/, else a throwaway (read-only use). */
function secretFor(dataDir) {
  if (process.env.PAYLOAD_SECRET?.trim()) return process.env.PAYLOAD_SECRET.trim()
  const file = path.join(dataDir, '.payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  return randomBytes(32).toString('hex')
}

/**
 * A fresh clone has no build: the report needs only the public site's (`astro build`, about a minute), not the
 * admin's, so that much is built here instead of failing.
 */
async function buildSite() {
  console.error('公開サイトのビルドがないため、先にビルドします（astro build）。 / No site build yet: building it first.')
  const build = spawn(path.join(root, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      ESUKO_ROOT: root,
      // As in scripts/build.mjs: the secret is needed only at run time and never written into the output.
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'build-time-placeholder-not-used-at-runtime',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const code = await exitOf(build)
  if (code !== 0 || !fs.existsSync(path.join(root, 'dist/server/entry.mjs')))
    throw new Error(`公開サイトのビルドに失敗しました（astro build, exit ${code}）。`)
}

/**
 * Starts the production site server alone (the report needs no admin) on a free port, against the configured
 * database (DATABASE_URI or data/esuko.db), after the same schema preparation `npm start` runs.
 */
export async function startSiteServer({ timeoutMs = 90_000 } = {}) {
  if (fs.existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'))
  if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) await buildSite()
  const dataDir = path.resolve(process.env.ESUKO_DATA_DIR ?? path.join(root, 'data'))
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    ESUKO_ROOT: root,
    ESUKO_DATA_DIR: dataDir,
    PAYLOAD_SECRET: secretFor(dataDir),
    PORT: String(port),
    HOST: '127.0.0.1',
  }
  const prepare = spawn(path.join(root, 'node_modules', '.bin', 'payload'), ['run', 'scripts/prepare.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const prepared = await exitOf(prepare)
  if (prepared !== 0) throw new Error(`database preparation failed (${prepared})`)
  const child = spawn(process.execPath, ['scripts/site-server.mjs'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const exited = exitOf(child)
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await exited
    }
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the site server exited (${child.exitCode}) before it answered`)
    try {
      const res = await fetch(`${url}/`, { redirect: 'manual' })
      if (res.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { url, stop }
}

/** Renders {siteUrl}/report/{fy} to an A4 PDF at `outFile`; returns the file, its size and the time taken. */
export async function renderReportPdf({ siteUrl, fy, outFile = defaultReportPath(fy) }) {
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: node scripts/ensure-browser.mjs`)
  const started = Date.now()
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  try {
    const page = await browser.newPage()
    const response = await page.goto(`${siteUrl.replace(/\/$/, '')}/report/${fy}`, { waitUntil: 'load' })
    if (!response || response.status() !== 200) throw new Error(`/report/${fy} answered ${response?.status() ?? 'nothing'}`)
    await page.emulateMedia({ media: 'print' })
    // Runs in the page, where `document` is the report's.
    await page.evaluate(() => globalThis.document.fonts.ready)
    fs.mkdirSync(path.dirname(outFile), { recursive: true })
    // Page size, two-sided margins and page numbers come from the page's @page rules (report.css).
    await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true })
  } finally {
    await browser.close()
  }
  return { file: outFile, bytes: fs.statSync(outFile).size, ms: Date.now() - started }
}

/** The whole job: uses `siteUrl` when given, else starts the site server for the duration. */
export async function generateReport({ fy, siteUrl = process.env.SITE_URL, outFile }) {
  const server = siteUrl ? null : await startSiteServer()
  try {
    return await renderReportPdf({ siteUrl: siteUrl ?? server.url, fy, outFile })
  } finally {
    await server?.stop()
  }
}
