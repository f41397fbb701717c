import { withPermission } from '@passerelle/trpc';
import { setTrainerActive } from '../../services/trainers.ts';
import { ZDeactivateTrainer } from './schemas.ts';

/** Deactivate a trainer (active: false, the default), or bring them back (active: true). */
export const deactivate = withPermission('mobile-epn.schedule.manage')
  .input(ZDeactivateTrainer)
  .mutation(({ ctx, input }) => setTrainerActive({ db: ctx.db, actor: ctx.actor, id: input.id, active: input.active }));
