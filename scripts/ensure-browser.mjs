// Browser tests need Debian's Chromium, a Japanese font, poppler-utils (PDF report checks) and caddy (the HTTPS
// reverse proxy of tests/e2e/proxy.test.ts, as deploy/Caddyfile runs it); install them when missing and we may.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasCjkFont = () => {
  try {
    return /Noto (Sans|Serif) CJK/i.test(execSync('fc-list', { encoding: 'utf8' }))
  } catch {
    return false
  }
}

// pdftotext / pdfinfo / pdftoppm (poppler-utils) read the report PDF in tests/e2e/report.test.ts.
const hasCommands = (...names) => {
  try {
    execSync(`command -v ${names.join(' ')}`, { stdio: 'ignore', shell: '/bin/sh' })
    return true
  } catch {
    return false
  }
}
const hasPoppler = () => hasCommands('pdftotext', 'pdfinfo', 'pdftoppm')
const hasCaddy = () => hasCommands('caddy')

if (fs.existsSync(chromium) && hasCjkFont() && hasPoppler() && hasCaddy()) process.exit(0)

const isRoot = process.getuid?.() === 0
const sudo = isRoot ? '' : 'sudo '
console.log('Chromium・日本語フォント・poppler-utils・caddy のいずれかが見つからないため、Debian のパッケージをインストールします…')
try {
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk poppler-utils caddy`,
    {
      stdio: 'inherit',
    },
  )
} catch {
  console.error('インストールできませんでした。手動で実行してください: apt-get install -y chromium fonts-noto-cjk poppler-utils caddy')
  process.exit(1)
}
