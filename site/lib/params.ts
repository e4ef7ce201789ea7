/** Page number from ?page=, clamped to 1…1000 so a hostile value cannot ask for a huge offset. */
export const pageParam = (url: URL): number => Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1))

/** A query value only if it is one of the allowed ones (filters never pass raw input to queries). */
export const allowedParam = (url: URL, name: string, allowed: readonly string[]): string | undefined => {
  const value = url.searchParams.get(name)
  return value && allowed.includes(value) ? value : undefined
}
