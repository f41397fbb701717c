import { withPermission } from '@passerelle/trpc';
import { trainerDay } from '../../services/calendar.ts';
import { ZTrainerDayInput } from './schemas.ts';

/** A trainer's day with the travel between sessions: the trainer themself, or a coordinator (checked in the service). */
export const day = withPermission('mobile-epn.session.train')
  .input(ZTrainerDayInput)
  .query(({ ctx, input }) => trainerDay({ db: ctx.db, actor: ctx.actor, trainerId: input.trainerId, date: input.date ?? null, locale: ctx.locale }));
