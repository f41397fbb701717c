import { authedProcedure } from '@passerelle/trpc';
import { setPrefs } from '../../services/notifications.ts';
import { ZPrefs } from '../schemas.ts';

/** Opt in or out of each kind of email (all off by default). */
export const set = authedProcedure.input(ZPrefs).mutation(({ ctx, input }) => setPrefs({ db: ctx.db, userId: ctx.actor.id, prefs: input }));
