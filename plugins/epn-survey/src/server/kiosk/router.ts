import { router } from '@passerelle/trpc';
import { create } from './create.ts';
import { list } from './list.ts';
import { respond } from './respond.ts';
import { revoke } from './revoke.ts';
import { unlock } from './unlock.ts';

export const kioskRouter = router({ create, revoke, list, unlock, respond });
