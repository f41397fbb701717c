import { router } from '@passerelle/trpc';
import { compute } from './compute.ts';
import { create } from './create.ts';
import { get } from './get.ts';
import { importAggregates } from './import-aggregates.ts';
import { importTask } from './import-task.ts';
import { list } from './list.ts';
import { startImport } from './start-import.ts';
import { submit } from './submit.ts';
import { update } from './update.ts';

export const editionRouter = router({ list, create, get, update, startImport, importTask, importAggregates, compute, submit });
