import { withPermission } from '@passerelle/trpc';
import { revokeKiosk } from '../../services/kiosks.ts';
import { ZId } from '../schemas.ts';

export const revoke = withPermission('epn-survey.survey.manage')
  .input(ZId)
  .mutation(async ({ ctx, input }) => {
    await revokeKiosk({ db: ctx.db, actor: ctx.actor, id: input.id });
    return { id: input.id };
  });
