import { publicProcedure } from '@passerelle/trpc';
import { publishedEditions } from '../../services/published.ts';

/** The released editions (latest released version of each year). Never a draft or an embargoed version. */
export const editions = publicProcedure.query(({ ctx }) => publishedEditions(ctx.db));
