import { withPermission } from '@passerelle/trpc';
import { recordMediatedIdea } from '../../services/mediation.ts';
import { ZMediatedIdea } from '../schemas.ts';

/** A mediator records an idea for a citizen without an account (scoped to the mediator's organisations). */
export const idea = withPermission('ideas.mediation.record')
  .meta({ access: 'permission', permission: 'ideas.mediation.record', scoped: true })
  .input(ZMediatedIdea)
  .mutation(({ ctx, input }) =>
    recordMediatedIdea({ db: ctx.db, actor: ctx.actor, staff: ctx.permissions.has('ideas.consultation.manage'), consultationId: input.consultationId, organisationId: input.organisationId ?? null, citizen: input.citizen, fields: input.fields })
  );
