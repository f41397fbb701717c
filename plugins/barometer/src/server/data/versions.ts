import { publicProcedure } from '@passerelle/trpc';
import { z } from 'zod';
import { publishedVersions } from '../../services/published.ts';
import { ZYear } from '../published/schemas.ts';

/** Every released version of an edition (the corrections log), newest first. */
export const versions = publicProcedure.input(z.object({ year: ZYear })).query(({ ctx, input }) => publishedVersions(ctx.db, input.year));
