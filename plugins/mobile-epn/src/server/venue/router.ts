import { router } from '@passerelle/trpc';
import { archive } from './archive.ts';
import { create } from './create.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { mine } from './mine.ts';
import { update } from './update.ts';

export const venueRouter = router({ list, get, create, update, archive, mine });
