import { withPermission } from '@passerelle/trpc';
import { reviewQueue } from '../../services/editions.ts';

/** Reviewers: versions waiting for review, with who prepared them (and whether the caller may review each). */
export const queue = withPermission('barometer.edition.review').query(({ ctx }) => reviewQueue({ db: ctx.db, actor: ctx.actor }));
