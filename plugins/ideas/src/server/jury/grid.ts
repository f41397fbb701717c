import { withPermission } from '@passerelle/trpc';
import { juryGrid } from '../../services/jury.ts';
import { pick } from '../../services/localized.ts';
import { ZConsultationRef } from '../schemas.ts';

/** The scoring grid for staff: weighted means, spread and number of jurors per idea (no private notes). */
export const grid = withPermission('ideas.consultation.manage')
  .input(ZConsultationRef)
  .query(async ({ ctx, input }) => {
    const g = await juryGrid({ db: ctx.db, consultationId: input.consultationId });
    return { ...g, criteria: g.criteria.map((c) => ({ id: c.id, weight: c.weight, name: pick(c.name, ctx.locale) })) };
  });
