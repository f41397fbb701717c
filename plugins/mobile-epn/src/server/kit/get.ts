import { withPermission } from '@passerelle/trpc';
import { getKit } from '../../services/kits.ts';
import { ZKitId } from './schemas.ts';

export const get = withPermission('mobile-epn.schedule.manage')
  .input(ZKitId)
  .query(({ ctx, input }) => getKit({ db: ctx.db, actor: ctx.actor, id: input.id }));
