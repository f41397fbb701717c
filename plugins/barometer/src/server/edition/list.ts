import { withPermission } from '@passerelle/trpc';
import { listEditions } from '../../services/editions.ts';

/** Staff: every edition with its versions (drafts included). */
export const list = withPermission('barometer.edition.manage').query(({ ctx }) => listEditions({ db: ctx.db, actor: ctx.actor }));
