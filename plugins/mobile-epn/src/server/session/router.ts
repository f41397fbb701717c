import { router } from '@passerelle/trpc';
import { cancel } from './cancel.ts';
import { check } from './check.ts';
import { create } from './create.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { planning } from './planning.ts';
import { suggest } from './suggest.ts';
import { update } from './update.ts';

export const sessionRouter = router({ check, suggest, create, update, cancel, get, list, planning });
