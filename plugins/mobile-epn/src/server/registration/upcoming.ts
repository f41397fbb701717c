import { publicProcedure } from '@passerelle/trpc';
import { upcomingSessions } from '../../services/registrations.ts';

/** The public list of upcoming group workshops (never a private home's address). */
export const upcoming = publicProcedure.query(({ ctx }) => upcomingSessions({ db: ctx.db, locale: ctx.locale }));
