import { authedProcedure } from '@passerelle/trpc';
import { exportUserData } from '@passerelle/auth';

/** Everything about the caller, as JSON (GDPR access and portability). */
export const exportData = authedProcedure.query(({ ctx }) => exportUserData({ db: ctx.db, userId: ctx.actor.id }));
