import { router } from '@passerelle/trpc';
import { get } from './get.ts';
import { list } from './list.ts';
import { map } from './map.ts';
import { merge } from './merge.ts';
import { setFinalist } from './set-finalist.ts';
import { similar } from './similar.ts';
import { submit } from './submit.ts';
import { update } from './update.ts';

export const ideaRouter = router({ list, get, map, similar, submit, update, merge, setFinalist });
