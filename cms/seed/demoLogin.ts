import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from '../runtime/paths'
import { DEMO_USERS } from './content'

const file = () => path.join(dataDir(), 'demo-login.json')

export const isDevelopment = (): boolean => process.env.NODE_ENV !== 'production'

/**
 * The demo accounts' password: SEED_ADMIN_PASSWORD if set; in development otherwise one generated
 * once and kept in data/ (git-ignored) so it can be shown again; in production none.
 */
export function demoPassword(): string | undefined {
  const fromEnv = process.env.SEED_ADMIN_PASSWORD?.trim()
  if (fromEnv) return fromEnv
  if (!isDevelopment()) return undefined
  if (fs.existsSync(file())) return (JSON.parse(fs.readFileSync(file(), 'utf8')) as { password: string }).password
  const password = `esuko-${randomBytes(6).toString('base64url')}`
  fs.mkdirSync(dataDir(), { recursive: true })
  fs.writeFileSync(file(), JSON.stringify({ password }), { mode: 0o600 })
  return password
}

/** Development only: the demo login, for the console. */
export function printDemoLogin(password: string | undefined, adminUrl: string): void {
  if (!isDevelopment() || !password) return
  const lines = DEMO_USERS.map((u) => `   ${u.email.padEnd(26)} ${password}   (${u.roles.join(', ')})`)
  console.log(['', `🔑 デモ用ログイン / Demo login — ${adminUrl}`, ...lines, ''].join('\n'))
}
