import { withPermission } from '@passerelle/trpc';
import { withdrawRequest } from '../../services/requests.ts';
import { ZRequestId } from './schemas.ts';

/** The requester withdraws their request while it is new. */
export const withdraw = withPermission('mobile-epn.request.create')
  .meta({ access: 'permission', permission: 'mobile-epn.request.create', scoped: true })
  .input(ZRequestId)
  .mutation(({ ctx, input }) => withdrawRequest({ db: ctx.db, actor: ctx.actor, id: input.id }));
