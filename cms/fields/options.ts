// Moved to cms/domain/options.ts; kept only until every import points there.
export { THEME_OPTIONS, THEMES, TOWN_OPTIONS, TOWNS } from '../domain/options'
export type { Town } from '../domain/options'
