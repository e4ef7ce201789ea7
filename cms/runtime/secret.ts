import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from './paths'

export class MissingSecretError extends Error {
  constructor() {
    super(
      'PAYLOAD_SECRET が設定されていません。本番環境では起動前に環境変数 PAYLOAD_SECRET（32文字以上のランダムな文字列）を設定してください。' +
        ' / PAYLOAD_SECRET is not set: production refuses to start without it (see README, "Environment").',
    )
    this.name = 'MissingSecretError'
  }
}

const isProduction = (): boolean => process.env.NODE_ENV === 'production'

/**
 * The secret signs sessions, so the admin (Next) and the site (Astro) must share it.
 * In development it is generated once and kept in data/; in production it must come from env.
 */
export function resolveSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  if (isProduction()) throw new MissingSecretError()

  const file = path.join(dataDir(), '.payload-secret')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  try {
    // 'wx' makes the first writer win when both servers start at once.
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return fs.readFileSync(file, 'utf8').trim()
}
