import { authedProcedure } from '@passerelle/trpc';
import { getPrefs } from '../../services/notifications.ts';

export const get = authedProcedure.query(({ ctx }) => getPrefs({ db: ctx.db, userId: ctx.actor.id }));
