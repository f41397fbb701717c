import { publicProcedure } from '@passerelle/trpc';
import { catalogue as list } from '../../services/open-data.ts';

/** Open data: the consultations and the datasets each one publishes. */
export const catalogue = publicProcedure.query(({ ctx }) => list({ db: ctx.db, locale: ctx.locale }));
