import { publicProcedure } from '@passerelle/trpc';
import { listCriteria } from '../../services/jury.ts';
import { ZConsultationRef } from '../schemas.ts';

/** The jury's criteria and weights are public: everyone knows how ideas are judged. */
export const criteria = publicProcedure.input(ZConsultationRef).query(({ ctx, input }) => listCriteria({ db: ctx.db, consultationId: input.consultationId, locale: ctx.locale }));
