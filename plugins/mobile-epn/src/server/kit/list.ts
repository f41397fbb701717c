import { withPermission } from '@passerelle/trpc';
import { listKits } from '../../services/kits.ts';
import { ZKitFilters } from './schemas.ts';

export const list = withPermission('mobile-epn.schedule.manage')
  .input(ZKitFilters)
  .query(({ ctx, input }) => listKits({ db: ctx.db, actor: ctx.actor, filters: input }));
