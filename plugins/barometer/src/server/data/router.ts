import { router } from '@passerelle/trpc';
import { versions } from './versions.ts';

export const dataRouter = router({ versions });
