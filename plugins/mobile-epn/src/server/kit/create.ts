import { withPermission } from '@passerelle/trpc';
import { createKit } from '../../services/kits.ts';
import { ZCreateKit } from './schemas.ts';

export const create = withPermission('mobile-epn.schedule.manage')
  .input(ZCreateKit)
  .mutation(({ ctx, input }) => createKit({ db: ctx.db, actor: ctx.actor, input: input.kit }));
