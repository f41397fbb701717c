import { publicProcedure } from '@passerelle/trpc';
import { surveyLimits } from '../../services/limits.ts';
import { submitResponse } from '../../services/surveys.ts';
import { ZRespond } from '../schemas.ts';

/**
 * One anonymous response through the public link. Rate-limited per client address (the address is only
 * a rate-limit key, hashed and kept one hour; it is never stored with the response).
 */
export const respond = publicProcedure.input(ZRespond).mutation(async ({ ctx, input }) => {
  await surveyLimits.response.consume({ db: ctx.db, key: ctx.ip ?? 'unknown' });
  const r = await submitResponse({ db: ctx.db, code: input.code, answers: input.answers, channel: 'link', ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}), ...(input.version ? { expectedVersion: input.version } : {}) });
  return { ok: true as const, duplicate: r.duplicate };
});
