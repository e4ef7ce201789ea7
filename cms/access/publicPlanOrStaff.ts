import type { Access } from 'payload'

import { hasRole } from './roles'

/** Plans are public from 公開 on (including 進行中 and 実現); 受付 and 取り下げ stay internal. */
export const publicPlanOrStaff: Access = ({ req }) =>
  hasRole(req.user, 'admin', 'editor', 'coordinator')
    ? true
    : { status: { in: ['published', 'in_progress', 'realised'] } }
