import { withPermission } from '@passerelle/trpc';
import { addAbsence as add } from '../../services/trainers.ts';
import { ZAddAbsence } from './schemas.ts';

export const addAbsence = withPermission('mobile-epn.schedule.manage')
  .input(ZAddAbsence)
  .mutation(({ ctx, input }) => add({ db: ctx.db, actor: ctx.actor, id: input.id, absence: input.absence }));
