import { withPermission } from '@passerelle/trpc';
import { kitOwners } from '../../services/kits.ts';

/** Organisations that may own a kit (the kit form's choice). */
export const owners = withPermission('mobile-epn.schedule.manage').query(({ ctx }) => kitOwners({ db: ctx.db, actor: ctx.actor }));
