import { withPermission } from '@passerelle/trpc';
import { submitIdea } from '../../services/ideas.ts';
import { ZSubmitIdea } from '../schemas.ts';

export const submit = withPermission('ideas.idea.submit')
  .input(ZSubmitIdea)
  .mutation(({ ctx, input }) => submitIdea({ db: ctx.db, actor: ctx.actor, consultationId: input.consultationId, fields: input.fields }));
