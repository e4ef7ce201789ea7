import type { CollectionConfig } from 'payload'

/**
 * Counters every site process shares through the database (cms/lib/sharedCounters.ts): per-client rate-limit
 * windows (`rl:…`, keyed hashes only, pruned after `expiresAt`) and the seats taken per event (`seats:…`).
 * Written only by the server with atomic database operations; nobody reads or edits them through the API.
 */
export const SharedCounters: CollectionConfig = {
  slug: 'shared-counters',
  labels: { singular: { ja: '共有カウンター', en: 'Shared counter' }, plural: { ja: '共有カウンター', en: 'Shared counters' } },
  admin: { hidden: true, useAsTitle: 'key' },
  access: {
    create: () => false,
    read: () => false,
    update: () => false,
    delete: () => false,
  },
  disableDuplicate: true,
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    // Empty for counters that never expire (seats).
    { name: 'expiresAt', type: 'date', index: true },
  ],
}
