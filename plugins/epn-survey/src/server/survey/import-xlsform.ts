import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { importSurvey } from '../../services/surveys.ts';

/** Raw file bytes: from a form action through the server-side caller (JSON clients cannot send them). */
const ZFile = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength > 0 && v.byteLength <= 5 * 1024 * 1024, { message: 'epn_survey_error_xlsform_too_big' });

export const importXlsForm = withPermission('epn-survey.survey.manage')
  .input(z.object({ organisationId: z.string().min(1).max(64).nullable(), file: ZFile }))
  .mutation(({ ctx, input }) => importSurvey({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, data: input.file }));
