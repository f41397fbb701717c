import { authedProcedure } from '@passerelle/trpc';
import { myRegistrations } from '../../services/registrations.ts';

/** The signed-in person's own registrations. */
export const mine = authedProcedure.query(({ ctx }) => myRegistrations({ db: ctx.db, actor: ctx.actor, locale: ctx.locale }));
