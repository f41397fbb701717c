import { router } from '@passerelle/trpc';
import { editions } from './editions.ts';
import { table } from './table.ts';

export const publishedRouter = router({ editions, table });
