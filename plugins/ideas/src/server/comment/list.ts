import { publicProcedure } from '@passerelle/trpc';
import { isStaffLike } from '../../services/access.ts';
import { listComments } from '../../services/comments.ts';
import { ZListComments } from '../schemas.ts';

export const list = publicProcedure
  .input(ZListComments)
  .query(({ ctx, input }) => listComments({ db: ctx.db, ideaId: input.ideaId, viewerId: ctx.actor?.id ?? null, staff: isStaffLike(ctx.permissions) }));
