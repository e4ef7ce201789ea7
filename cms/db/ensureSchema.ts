import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'

/**
 * Brings the embedded database up to the committed migrations (idempotent). MongoDB needs no schema
 * step: mongoose creates collections and declared indexes itself.
 */
export async function ensureSchema(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  // Generated migrations are typed with the SQLite adapter's own argument types.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
