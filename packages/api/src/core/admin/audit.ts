import { router, withPermission } from '@passerelle/trpc';
import { listAuditLog } from '@passerelle/auth';
import { ZAuditListInput } from './schemas.ts';

export const auditRouter = router({
  list: withPermission('core.audit.read').input(ZAuditListInput).query(({ ctx, input }) => listAuditLog({ db: ctx.db, ...input }))
});
