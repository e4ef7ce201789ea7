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

/**
 * What each role may read, in the words the account form shows the admin choosing it (README's role table says
 * the same). A new account has no role, and so reads nothing, until an admin chooses one.
 */
export const ROLE_READS: Record<Role, string> = {
  admin: 'すべての情報（アカウント・役割・操作履歴・すべての個人情報を含む）を読み書きできます。',
  editor: 'すべてのコンテンツと、投稿者・市民・申込者などすべての個人情報、操作履歴、アンケート回答を読めます。',
  coordinator: '自分が登録したえすこ市民の個人情報と、投稿・申し込みの連絡先を読めます。操作履歴・アンケート回答は読めません。',
  organisation: '「管理する団体」の公開プロフィールと、その団体とのつながりだけを読めます。個人情報は読めません。',
}

/** The admin form's description of the role field: no role means no access; then each role's reads. */
export const ROLE_FIELD_DESCRIPTION = [
  '役割を選ぶまで、このアカウントは管理画面に入れず、何も読めません（初期値はありません）。必要な役割だけを選んでください。',
  ...ROLES.map((role) => `${ROLE_LABELS[role].ja}：${ROLE_READS[role]}`),
].join('\n')

const roleOrder = (role: string) => (ROLES as readonly string[]).indexOf(role)

/** Roles as the audit log writes them: Japanese labels in the order of ROLES (not of clicking), 「なし」 for none. */
export const describeRoles = (roles: readonly string[] | null | undefined): string =>
  roles?.length
    ? [...roles]
        .sort((a, b) => roleOrder(a) - roleOrder(b))
        .map((r) => ROLE_LABELS[r as Role]?.ja ?? r)
        .join('、')
    : 'なし'
