import { router } from '@passerelle/trpc';
import { catalogue } from './catalogue.ts';
import { dataset } from './dataset.ts';

export const openDataRouter = router({ catalogue, dataset });
