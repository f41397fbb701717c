import { router } from '@passerelle/trpc';
import { create } from './create.ts';
import { list } from './list.ts';
import { revoke } from './revoke.ts';

export const feedRouter = router({ list, create, revoke });
