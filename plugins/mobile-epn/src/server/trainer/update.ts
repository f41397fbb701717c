import { withPermission } from '@passerelle/trpc';
import { updateTrainer } from '../../services/trainers.ts';
import { ZUpdateTrainer } from './schemas.ts';

export const update = withPermission('mobile-epn.schedule.manage')
  .input(ZUpdateTrainer)
  .mutation(({ ctx, input }) => updateTrainer({ db: ctx.db, actor: ctx.actor, id: input.id, input: input.trainer }));
