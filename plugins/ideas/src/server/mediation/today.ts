import { withPermission } from '@passerelle/trpc';
import { mediatorToday } from '../../services/mediation.ts';
import { ZMediatorToday } from '../schemas.ts';

export const today = withPermission('ideas.mediation.record')
  .input(ZMediatorToday)
  .query(({ ctx, input }) => mediatorToday({ db: ctx.db, actor: ctx.actor, consultationId: input.consultationId }));
