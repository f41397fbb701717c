import { withPermission } from '@passerelle/trpc';
import { recordMediatedVote } from '../../services/mediation.ts';
import { ZMediatedVote } from '../schemas.ts';

/** A mediator records a citizen's whole ballot. */
export const vote = withPermission('ideas.mediation.record')
  .meta({ access: 'permission', permission: 'ideas.mediation.record', scoped: true })
  .input(ZMediatedVote)
  .mutation(({ ctx, input }) =>
    recordMediatedVote({ db: ctx.db, actor: ctx.actor, staff: ctx.permissions.has('ideas.consultation.manage'), consultationId: input.consultationId, organisationId: input.organisationId ?? null, citizen: input.citizen, votes: input.votes })
  );
