import { withPermission } from '@passerelle/trpc';
import { sendBack as sendBackVersion } from '../../services/editions.ts';
import { ZSendBack } from './schemas.ts';

/** Send a version back to its authors with a reason. */
export const sendBack = withPermission('barometer.edition.review')
  .input(ZSendBack)
  .mutation(({ ctx, input }) => sendBackVersion({ db: ctx.db, actor: ctx.actor, versionId: input.versionId, reason: input.reason }));
