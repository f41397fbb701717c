import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { publish } from './publish.ts';

export const resultsRouter = router({ get, publish });
