import { publicProcedure } from '@passerelle/trpc';
import { publishedSurvey } from '../../services/surveys.ts';
import { ZCode } from '../schemas.ts';

/** The questions of a published survey, for its public link (anyone may answer, anonymously). */
export const published = publicProcedure.input(ZCode).query(async ({ ctx, input }) => {
  const s = await publishedSurvey({ db: ctx.db, code: input.code });
  return { code: s.code, version: s.version, definition: s.definition };
});
