import { router, withPermission } from '@passerelle/trpc';
import { listRoleGrants, setRoleGrant } from '../services/role-grants.ts';
import { ZSetGrantInput } from './schemas.ts';

const manage = withPermission('core.role.manage');

export const grantsRouter = router({
  list: manage.query(({ ctx }) => listRoleGrants({ db: ctx.db, defaults: ctx.permissionDefaults })),
  set: manage.input(ZSetGrantInput).mutation(({ ctx, input }) => setRoleGrant({ db: ctx.db, actorId: ctx.actor.id, defaults: ctx.permissionDefaults, ...input }))
});
