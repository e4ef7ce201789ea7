/**
 * SQLite only (cms/db/search/sqlite.ts, and the bench writer, which imports this self-contained file): the FTS5
 * rowid of an entry, minutes since 1970 of its date then its entry id (below ten million), so newer entries have
 * larger rowids and "newest first" is FTS5's own descending rowid walk. Stays below 2^53, a safe JavaScript number.
 */
export const ftsRowid = (date: string, entryId: number): number => {
  const minutes = Math.floor((Date.parse(date) || 0) / 60_000)
  return minutes * 10_000_000 + (entryId % 10_000_000)
}
