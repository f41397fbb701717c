import { publicProcedure } from '@passerelle/trpc';
import { getPlace } from '../../services/places.ts';
import { lang } from '../locale.ts';
import { ZId } from '../schemas.ts';

export const get = publicProcedure.input(ZId).query(({ ctx, input }) => getPlace({ db: ctx.db, id: input.id, locale: lang(ctx.locale) }));
