import { withPermission } from '@passerelle/trpc';
import { createPlace } from '../../services/places.ts';
import { ZCreatePlace } from '../schemas.ts';

export const create = withPermission('epn-survey.place.manage')
  .input(ZCreatePlace)
  .mutation(({ ctx, input }) => createPlace({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, input: input.place }));
