import { withPermission } from '@passerelle/trpc';
import { requireCoordinator } from '../../services/access.ts';
import { travelSettings } from '../../services/travel.ts';

/** The travel figures used to check sessions (detour factor, speed per mode, set-up time). */
export const get = withPermission('mobile-epn.schedule.manage').query(({ ctx }) => {
  requireCoordinator(ctx.actor);
  return travelSettings(ctx.db);
});
