import { router, withPermission } from '@passerelle/trpc';
import { listUsers, setUserDisabled, setUserRole } from '../services/users.ts';
import { ZListUsersInput, ZSetDisabledInput, ZSetRoleInput } from './schemas.ts';

const manage = withPermission('core.user.manage');

export const usersRouter = router({
  list: manage.input(ZListUsersInput).query(({ ctx, input }) => listUsers({ db: ctx.db, ...input })),
  setRole: manage.input(ZSetRoleInput).mutation(({ ctx, input }) => setUserRole({ db: ctx.db, actorId: ctx.actor.id, ...input })),
  setDisabled: manage.input(ZSetDisabledInput).mutation(({ ctx, input }) => setUserDisabled({ db: ctx.db, actorId: ctx.actor.id, ...input }))
});
