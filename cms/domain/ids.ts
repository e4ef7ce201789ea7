export type Id = number | string

/**
 * The id of a relationship value, populated or not: `{ id: 3, … }` → 3, `3` → 3, empty → null.
 * SQLite ids are numbers, MongoDB ids strings; callers never assume which.
 */
export const idOf = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

/** Ids as strings, for comparing across adapters. */
export const sameId = (a: unknown, b: unknown): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== null && y !== null && String(x) === String(y)
}
