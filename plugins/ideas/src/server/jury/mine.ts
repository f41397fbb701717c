import { authedProcedure } from '@passerelle/trpc';
import { myJuryWork } from '../../services/jury.ts';
import { ZConsultationRef } from '../schemas.ts';

/** A juror's own scores and notes (scoped: jurors of this consultation only; never other jurors' notes). */
export const mine = authedProcedure
  .meta({ access: 'authed', scoped: true })
  .input(ZConsultationRef)
  .query(({ ctx, input }) => myJuryWork({ db: ctx.db, actor: ctx.actor, consultationId: input.consultationId, locale: ctx.locale }));
