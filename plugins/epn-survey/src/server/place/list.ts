import { publicProcedure } from '@passerelle/trpc';
import { listPlaces } from '../../services/places.ts';
import { lang } from '../locale.ts';
import { ZPlaceFilters } from '../schemas.ts';

/** The public EPN directory, filtered. */
export const list = publicProcedure.input(ZPlaceFilters).query(({ ctx, input }) => listPlaces({ db: ctx.db, filters: input, locale: lang(ctx.locale) }));
