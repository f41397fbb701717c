import { withPermission } from '@passerelle/trpc';
import { getEdition } from '../../services/editions.ts';
import { ZGetEdition } from './schemas.ts';

/** Staff: an edition with its microdata summary, versions, and one version's figures (drafts included) with their statuses. */
export const get = withPermission('barometer.edition.manage')
  .input(ZGetEdition)
  .query(({ ctx, input }) => getEdition({ db: ctx.db, actor: ctx.actor, year: input.year, breakdown: input.breakdown, ...(input.version === undefined ? {} : { versionNumber: input.version }) }));
