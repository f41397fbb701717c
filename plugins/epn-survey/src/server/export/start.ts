import { z } from 'zod';
import { createTask } from '@passerelle/jobs';
import { withPermission } from '@passerelle/trpc';
import { surveyForExport } from '../../services/exports.ts';
import { responsesXlsxTask } from '../tasks.ts';

/** Starts a long export (XLSX of the responses) as a task; the caller follows it on the task page. */
export const start = withPermission('epn-survey.response.export')
  .input(z.object({ id: z.string().min(1).max(40), format: z.enum(['xlsx']) }))
  .mutation(async ({ ctx, input }) => {
    const survey = await surveyForExport({ db: ctx.db, actor: ctx.actor, surveyId: input.id });
    return createTask({ db: ctx.db, actor: ctx.actor, kind: responsesXlsxTask.kind, input: { surveyId: survey.id, locale: ctx.locale }, returnTo: `/epn/manage/surveys/${survey.id}`, waitMs: 3000 });
  });
