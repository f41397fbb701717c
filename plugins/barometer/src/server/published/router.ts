import { router } from '@passerelle/trpc';
import { editions } from './editions.ts';
import { table } from './table.ts';
import { context } from './context.ts';

export const publishedRouter = router({ editions, table, context });
