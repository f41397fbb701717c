import { withPermission } from '@passerelle/trpc';
import { removeAbsence as remove } from '../../services/trainers.ts';
import { ZRemoveAbsence } from './schemas.ts';

export const removeAbsence = withPermission('mobile-epn.schedule.manage')
  .input(ZRemoveAbsence)
  .mutation(({ ctx, input }) => remove({ db: ctx.db, actor: ctx.actor, id: input.id, absenceId: input.absenceId }));
