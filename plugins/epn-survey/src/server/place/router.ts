import { router } from '@passerelle/trpc';
import { checkImport } from './check-import.ts';
import { create } from './create.ts';
import { forEditing } from './for-editing.ts';
import { get } from './get.ts';
import { importFile } from './import-file.ts';
import { importTask } from './import-task.ts';
import { list } from './list.ts';
import { mine } from './mine.ts';
import { remove } from './remove.ts';
import { startImport } from './start-import.ts';
import { update } from './update.ts';

export const placeRouter = router({ list, get, mine, forEditing, create, update, remove, checkImport, importFile, startImport, importTask });
