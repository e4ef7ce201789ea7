import type { CollectionConfig } from 'payload'

import { canEnterAdmin } from '../access/canEnterAdmin'
import { isAdmin } from '../access/isAdmin'
import { isAdminField } from '../access/isAdminField'
import { selfOrAdmin } from '../access/selfOrAdmin'
import { ROLE_FIELD_DESCRIPTION, ROLE_LABELS, ROLES } from '../domain/roles'
import { grantFirstAdmin } from '../hooks/grantFirstAdmin'
import { logRoleChange } from '../hooks/logRoleChange'
import { composePasswordReset, PASSWORD_RESET_MINUTES } from '../mail/compose'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { ja: 'ユーザー', en: 'User' }, plural: { ja: 'ユーザー', en: 'Users' } },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'roles'], group: { ja: '管理', en: 'Admin' } },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' },
    // 「パスワードをお忘れですか？」: a Japanese mail whose link opens the admin at CMS_PUBLIC_URL, sent through
    // the mail queue (cms/mail/send.ts) like every other mail.
    forgotPassword: {
      expiration: PASSWORD_RESET_MINUTES * 60 * 1000,
      generateEmailSubject: (args) => composePasswordReset(args!.req!, args!.token!, args!.user).subject,
      generateEmailHTML: (args) => composePasswordReset(args!.req!, args!.token!, args!.user).html,
    },
  },
  access: {
    // An account without a role (a new one, until an admin chooses) does not enter the admin at all.
    admin: canEnterAdmin,
    create: isAdmin,
    read: selfOrAdmin,
    update: selfOrAdmin,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: { beforeChange: [grantFirstAdmin], afterChange: [logRoleChange] },
  fields: [
    { name: 'name', type: 'text', label: { ja: '氏名', en: 'Name' }, required: true },
    {
      name: 'roles',
      type: 'select',
      label: { ja: '役割', en: 'Roles' },
      hasMany: true,
      // No default and none required: least privilege until an admin chooses (a preset 編集者 was silently kept
      // when コーディネーター was added, opening all personal data).
      admin: { description: { ja: ROLE_FIELD_DESCRIPTION, en: 'No role until an admin chooses one; each role reads only what it needs.' } },
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      saveToJWT: true,
      // Nobody raises their own role: only admins write this field.
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'organisations',
      type: 'relationship',
      relationTo: 'organisations',
      hasMany: true,
      label: { ja: '管理する団体', en: 'Organisations managed' },
      saveToJWT: true,
      admin: { condition: (data) => Boolean(data?.roles?.includes('organisation')) },
      // Which organisations a manager speaks for is decided by an admin, never by the manager.
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
