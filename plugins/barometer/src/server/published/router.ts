import { router } from '@passerelle/trpc';
import { context } from './context.ts';
import { editions } from './editions.ts';
import { indicators } from './indicators.ts';
import { overview } from './overview.ts';
import { table } from './table.ts';
import { trend } from './trend.ts';
import { view } from './view.ts';

export const publishedRouter = router({ editions, table, indicators, trend, overview, view, context });
