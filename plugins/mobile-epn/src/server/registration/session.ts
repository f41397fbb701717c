import { z } from 'zod';
import { publicProcedure } from '@passerelle/trpc';
import { sessionPage } from '../../services/registrations.ts';

export const ZSessionInput = z.object({ sessionId: z.string().min(1).max(64) });

/** One group workshop for its public page, with the visitor's own registration. */
export const session = publicProcedure.input(ZSessionInput).query(({ ctx, input }) => sessionPage({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId, locale: ctx.locale }));
