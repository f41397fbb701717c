import { withPermission } from '@passerelle/trpc';
import { label, type SurveyDefinition } from '../../services/definition.ts';
import { exportQuestions, surveyForExport } from '../../services/exports.ts';
import { ZId } from '../schemas.ts';

/** What an export of a survey's responses needs (its columns), for people allowed to export it. */
export const survey = withPermission('epn-survey.response.export')
  .input(ZId)
  .query(async ({ ctx, input }) => {
    const s = await surveyForExport({ db: ctx.db, actor: ctx.actor, surveyId: input.id });
    const definitions = s.versions.map((v) => v.definition as unknown as SurveyDefinition);
    const latest = definitions[definitions.length - 1];
    return { id: s.id, code: s.code, title: latest ? label(latest.title, ctx.locale) : s.code, questions: exportQuestions(definitions) };
  });
