import { withPermission } from '@passerelle/trpc';
import { updateIdea } from '../../services/ideas.ts';
import { ZUpdateIdea } from '../schemas.ts';

/** The author edits their idea while the submission phase lasts. */
export const update = withPermission('ideas.idea.submit')
  .meta({ access: 'permission', permission: 'ideas.idea.submit', scoped: true })
  .input(ZUpdateIdea)
  .mutation(({ ctx, input }) => updateIdea({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, fields: input.fields }));
