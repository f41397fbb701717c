import { withPermission } from '@passerelle/trpc';
import { approve as approveVersion } from '../../services/editions.ts';
import { ZApprove } from './schemas.ts';

/** Approve another staff member's version, with its release time (the embargo ends then). */
export const approve = withPermission('barometer.edition.review')
  .input(ZApprove)
  .mutation(({ ctx, input }) => approveVersion({ db: ctx.db, actor: ctx.actor, versionId: input.versionId, releaseAt: input.releaseAt }));
