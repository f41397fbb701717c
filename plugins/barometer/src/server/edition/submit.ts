import { withPermission } from '@passerelle/trpc';
import { submitForReview } from '../../services/editions.ts';
import { ZVersion } from './schemas.ts';

/** Staff: hands a computed draft to another staff member for review. */
export const submit = withPermission('barometer.edition.manage')
  .input(ZVersion)
  .mutation(({ ctx, input }) => submitForReview({ db: ctx.db, actor: ctx.actor, versionId: input.versionId }));
