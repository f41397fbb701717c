import { publicProcedure } from '@passerelle/trpc';
import { getConsultation } from '../../services/consultations.ts';
import { ZBySlug } from '../schemas.ts';

export const get = publicProcedure.input(ZBySlug).query(({ ctx, input }) => getConsultation({ db: ctx.db, slug: input.slug, locale: ctx.locale }));
