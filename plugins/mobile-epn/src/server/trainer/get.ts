import { withPermission } from '@passerelle/trpc';
import { getTrainer } from '../../services/trainers.ts';
import { ZTrainerId } from './schemas.ts';

export const get = withPermission('mobile-epn.schedule.manage')
  .input(ZTrainerId)
  .query(({ ctx, input }) => getTrainer({ db: ctx.db, actor: ctx.actor, id: input.id }));
