export const ROLES = ['admin', 'editor', 'coordinator', 'organisation'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  admin: { ja: 'システム管理者', en: 'Administrator' },
  editor: { ja: '編集者（市広報）', en: 'Editor (city PR)' },
  coordinator: { ja: 'コーディネーター', en: 'Coordinator' },
  organisation: { ja: '団体管理者', en: 'Organisation manager' },
}

type MaybeUser = { collection?: string; roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.collection === 'users' && user.roles?.some((role) => (roles as string[]).includes(role)))
