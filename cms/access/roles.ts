// Moved to cms/domain/roles.ts; kept only until every import points there.
export { hasRole, ROLE_LABELS, ROLES } from '../domain/roles'
export type { Role } from '../domain/roles'
