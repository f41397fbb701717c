import { withPermission } from '@passerelle/trpc';
import { createTrainer } from '../../services/trainers.ts';
import { ZCreateTrainerInput } from './schemas.ts';

/** A member of an organisation (found by email) becomes a trainer. */
export const create = withPermission('mobile-epn.schedule.manage')
  .input(ZCreateTrainerInput)
  .mutation(({ ctx, input }) => createTrainer({ db: ctx.db, actor: ctx.actor, input: input.trainer }));
