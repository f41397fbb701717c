import { withPermission } from '@passerelle/trpc';
import { organisationsOf as find } from '../../services/trainers.ts';
import { ZOrganisationsOf } from './schemas.ts';

/** The organisations of the account with this email (the trainer creation form offers them). */
export const organisationsOf = withPermission('mobile-epn.schedule.manage')
  .input(ZOrganisationsOf)
  .query(({ ctx, input }) => find({ db: ctx.db, actor: ctx.actor, email: input.email }));
