import { withPermission } from '@passerelle/trpc';
import { requireCoordinator } from '../../services/access.ts';
import { ZTravelSettings, setTravelSettings } from '../../services/travel.ts';

/** Changes the travel figures (audited); sessions already saved keep the assumption they were checked with. */
export const set = withPermission('mobile-epn.schedule.manage')
  .input(ZTravelSettings)
  .mutation(({ ctx, input }) => setTravelSettings({ db: ctx.db, actorId: requireCoordinator(ctx.actor).id, value: input }));
