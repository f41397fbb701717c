import { withPermission } from '@passerelle/trpc';
import { setAvailability as setWindows } from '../../services/trainers.ts';
import { ZSetAvailability } from './schemas.ts';

/** Replaces the trainer's weekly availability (Brussels wall-clock windows; no overlaps). */
export const setAvailability = withPermission('mobile-epn.schedule.manage')
  .input(ZSetAvailability)
  .mutation(({ ctx, input }) => setWindows({ db: ctx.db, actor: ctx.actor, id: input.id, windows: input.windows }));
