import { router } from '@passerelle/trpc';
import { checkImport } from './check-import.ts';
import { exportFile } from './export-file.ts';
import { forEditing } from './for-editing.ts';
import { importFile } from './import-file.ts';
import { importTask } from './import-task.ts';
import { list } from './list.ts';
import { record } from './record.ts';
import { remove } from './remove.ts';
import { startImport } from './start-import.ts';
import { update } from './update.ts';

export const activityRouter = router({ record, list, forEditing, update, remove, checkImport, importFile, exportFile, startImport, importTask });
