import type { Access } from 'payload'

import { publicPlanWhere } from '../domain/plans'
import { isStaffUser } from '../domain/roles'

/** Plans are public from 公開 on (including 進行中 and 実現); 受付 and 取り下げ stay internal. */
export const publicPlanOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : publicPlanWhere())
