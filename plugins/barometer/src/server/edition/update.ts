import { withPermission } from '@passerelle/trpc';
import { updateSettings } from '../../services/editions.ts';
import { ZUpdateEdition } from './schemas.ts';

/** Staff: thresholds and crossings, while no version waits for review. */
export const update = withPermission('barometer.edition.manage')
  .input(ZUpdateEdition)
  .mutation(({ ctx, input }) => updateSettings({ db: ctx.db, actor: ctx.actor, editionId: input.editionId, thresholds: input.thresholds, crossings: input.crossings }));
