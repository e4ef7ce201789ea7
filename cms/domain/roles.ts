import { type Id, idOf } from './ids'

/**
 * Staff roles and the named role sets every access rule uses. Residents have no account.
 */
export const ROLES = ['admin', 'editor', 'coordinator', 'organisation'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  admin: { ja: 'システム管理者', en: 'Administrator' },
  editor: { ja: '編集者（市広報）', en: 'Editor (city PR)' },
  coordinator: { ja: 'コーディネーター', en: 'Coordinator' },
  organisation: { ja: '団体管理者', en: 'Organisation manager' },
}

/** System administrators: accounts, roles and settings. */
export const ADMINS = ['admin'] as const satisfies readonly Role[]
/** Admins and city PR editors: moderation, featuring, settings, all personal data. */
export const EDITORS = ['admin', 'editor'] as const satisfies readonly Role[]
/** Everyone who writes and registers content: editors and the contractor's coordinators. */
export const STAFF = ['admin', 'editor', 'coordinator'] as const satisfies readonly Role[]
/** Every account, organisation managers included. */
export const ACCOUNTS = ROLES

type MaybeUser = { collection?: string; roles?: readonly string[] | null } | null | undefined
/** A signed-in account as access rules see it (organisation managers carry the organisations they manage). */
export type UserLike = { id?: Id; collection?: string; roles?: readonly string[] | null; organisations?: unknown } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: readonly Role[]): boolean =>
  Boolean(user?.collection === 'users' && user.roles?.some((role) => (roles as readonly string[]).includes(role)))

export const isAdminUser = (user: MaybeUser): boolean => hasRole(user, ...ADMINS)
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...STAFF)
export const isEditorUser = (user: MaybeUser): boolean => hasRole(user, ...EDITORS)

/** Ids of the organisations an organisation manager manages, whether populated or not; [] for anyone else. */
export const managedOrganisationIds = (user: UserLike): Id[] => {
  if (!hasRole(user, 'organisation') || !Array.isArray(user?.organisations)) return []
  return user.organisations.map(idOf).filter((id): id is Id => id !== null)
}
