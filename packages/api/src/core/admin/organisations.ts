import { router, withPermission } from '@passerelle/trpc';
import { addMember, createOrganisation, listOrganisations, removeMember } from '../services/organisations.ts';
import { ZAddMemberInput, ZCreateOrganisationInput, ZRemoveMemberInput } from './schemas.ts';

const manage = withPermission('core.organisation.manage');

export const organisationsRouter = router({
  list: manage.query(({ ctx }) => listOrganisations({ db: ctx.db })),
  create: manage.input(ZCreateOrganisationInput).mutation(({ ctx, input }) => createOrganisation({ db: ctx.db, actorId: ctx.actor.id, ...input })),
  addMember: manage.input(ZAddMemberInput).mutation(({ ctx, input }) => addMember({ db: ctx.db, actorId: ctx.actor.id, ...input })),
  removeMember: manage.input(ZRemoveMemberInput).mutation(({ ctx, input }) => removeMember({ db: ctx.db, actorId: ctx.actor.id, ...input }))
});
