import { withPermission } from '@passerelle/trpc';
import { listTrainers } from '../../services/trainers.ts';
import { ZTrainerFilters } from './schemas.ts';

export const list = withPermission('mobile-epn.schedule.manage')
  .input(ZTrainerFilters)
  .query(({ ctx, input }) => listTrainers({ db: ctx.db, actor: ctx.actor, filters: input }));
