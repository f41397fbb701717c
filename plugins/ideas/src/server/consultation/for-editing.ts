import { withPermission } from '@passerelle/trpc';
import { getConsultationForEditing } from '../../services/consultations.ts';
import { ZBySlug } from '../schemas.ts';

/** The consultation with its texts in every language, for staff to edit. */
export const forEditing = withPermission('ideas.consultation.manage')
  .input(ZBySlug)
  .query(({ ctx, input }) => getConsultationForEditing({ db: ctx.db, slug: input.slug }));
