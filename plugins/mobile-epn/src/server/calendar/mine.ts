import { authedProcedure } from '@passerelle/trpc';
import { myCalendars } from '../../services/calendar.ts';

/** The calendars I may open: my trainer profile's, the venues I am the contact of, and whether I coordinate. */
export const mine = authedProcedure.query(({ ctx }) => myCalendars({ db: ctx.db, actor: ctx.actor }));
