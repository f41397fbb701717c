import { withPermission } from '@passerelle/trpc';
import { listJurors } from '../../services/jury.ts';
import { ZConsultationRef } from '../schemas.ts';

export const jurors = withPermission('ideas.consultation.manage')
  .input(ZConsultationRef)
  .query(({ ctx, input }) => listJurors({ db: ctx.db, consultationId: input.consultationId }));
