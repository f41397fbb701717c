import { publicProcedure } from '@passerelle/trpc';
import { listConsultations } from '../../services/consultations.ts';

/** Every consultation, newest first, in the visitor's language. */
export const list = publicProcedure.query(({ ctx }) => listConsultations({ db: ctx.db, locale: ctx.locale }));
