import { authedProcedure } from '@passerelle/trpc';
import { calendarView } from '../../services/calendar.ts';
import { ZCalendarViewInput } from './schemas.ts';

/**
 * A week or month calendar of a trainer, venue or kit. Any signed-in person may ask; the service lets
 * coordinators read any, a trainer their own and a venue contact their venue's (others: FORBIDDEN).
 */
export const view = authedProcedure
  .input(ZCalendarViewInput)
  .query(({ ctx, input }) => calendarView({ db: ctx.db, actor: ctx.actor, kind: input.kind, id: input.id, view: input.view, date: input.date ?? null, locale: ctx.locale }));
