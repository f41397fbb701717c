import { router } from '@passerelle/trpc';
import { create } from './create.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { owners } from './owners.ts';
import { update } from './update.ts';

export const kitRouter = router({ list, get, create, update, owners });
