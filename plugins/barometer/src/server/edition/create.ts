import { withPermission } from '@passerelle/trpc';
import { createEdition } from '../../services/editions.ts';
import { ZCreateEdition } from './schemas.ts';

/** Staff: a new edition (one per survey year), with its disclosure thresholds and crossings. */
export const create = withPermission('barometer.edition.manage')
  .input(ZCreateEdition)
  .mutation(async ({ ctx, input }) => {
    const e = await createEdition({ db: ctx.db, actor: ctx.actor, year: input.year, thresholds: input.thresholds, crossings: input.crossings });
    return { id: e.id, year: e.year };
  });
