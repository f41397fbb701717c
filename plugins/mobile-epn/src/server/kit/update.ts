import { withPermission } from '@passerelle/trpc';
import { updateKit } from '../../services/kits.ts';
import { ZUpdateKit } from './schemas.ts';

export const update = withPermission('mobile-epn.schedule.manage')
  .input(ZUpdateKit)
  .mutation(({ ctx, input }) => updateKit({ db: ctx.db, actor: ctx.actor, id: input.id, input: input.kit }));
