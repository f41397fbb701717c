import { z } from 'zod';
import { authedProcedure } from '@passerelle/trpc';
import { taskForOwner } from '@passerelle/jobs';

/** A task the caller started (an import, a long export): its progress, result or error. Others are refused. */
export const get = authedProcedure.input(z.object({ id: z.string().min(1).max(40) })).query(({ ctx, input }) => taskForOwner({ db: ctx.db, actor: ctx.actor, id: input.id }));
