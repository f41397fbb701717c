import { z } from 'zod';
import { publicProcedure } from '@passerelle/trpc';
import { contextFigures } from '../../services/context.ts';
import { ZYear } from './schemas.ts';

/** Context figures from the other plugins for a year (per commune), beside the map. Released years only. */
export const context = publicProcedure.input(z.object({ year: ZYear })).query(async ({ ctx, input }) => ({ figures: await contextFigures({ db: ctx.db, bridges: ctx.bridges, year: input.year }) }));
