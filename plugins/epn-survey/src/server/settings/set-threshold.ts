import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { setSuppressionThreshold } from '../../services/settings.ts';

/** The small-cell threshold of dashboards and aggregated exports (never below 5). */
export const setThreshold = withPermission('epn-survey.settings.manage')
  .input(z.object({ threshold: z.number().int().max(1000) }))
  .mutation(({ ctx, input }) => setSuppressionThreshold({ db: ctx.db, actorId: ctx.actor.id, value: input.threshold }));
